// A reader for the server-sent-event format of `GET /api/events`: events are separated by a
// blank line, and the `data:` lines of one event are joined by newlines. Comments (`:`) and other
// fields are ignored. Chunks may split an event anywhere, so text is buffered until a blank line.
export function createEventStreamParser(onData: (data: string) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk;
    const blocks = buffer.split(/\r?\n\r?\n/);
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const data = block
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
        .join('\n');
      if (data !== '') onData(data);
    }
  };
}

// The stand-in for the rows above or below the ones a long table draws. Its height comes from the
// tbody's --space-before / --space-after (set through the CSSOM: the CSP refuses style attributes),
// so the scroll bar stays true; it is hidden from screen readers, which count rows by aria-rowindex.
export function VirtualSpace({ where, columns }: { where: 'before' | 'after'; columns: number }) {
  return (
    <tr className={`virtual-space virtual-space-${where}`} aria-hidden="true">
      <td colSpan={columns} />
    </tr>
  );
}

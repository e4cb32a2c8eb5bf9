// For a dialog made of views that replace one another (details, a form, a confirmation): the
// browser's own focus return would land inside a view that is gone, so when the whole dialog
// closes, focus goes back to what opened it.
import { useEffect } from 'react';

export function useFocusReturn() {
  useEffect(() => {
    const opener = document.activeElement;
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
}

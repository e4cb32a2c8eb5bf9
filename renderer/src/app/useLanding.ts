// The first address a user opens (the sign-in link, or no route at all) lands on the arrears desk,
// the home of daily work, when the book has clients; an empty book lands on the client list, which
// offers the sample book. Replaced rather than pushed, so Back does not return to the bare address.
import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiProvider.js';
import { hrefOf, isLandingFragment } from './routes.js';

/** True while it is still deciding where to land (the screen shows nothing meanwhile). */
export function useLanding(): boolean {
  const api = useApi();
  const [deciding, setDeciding] = useState(() => isLandingFragment(window.location.hash));
  useEffect(() => {
    if (!deciding) return;
    let current = true;
    // A route opened meanwhile (a link clicked, an address typed) wins over the landing: the
    // answer below must not bounce the user from where they went to the desk.
    const settle = () => {
      current = false;
      setDeciding(false);
    };
    const onHashChange = () => {
      if (!isLandingFragment(window.location.hash)) settle();
    };
    window.addEventListener('hashchange', onHashChange);
    void api.call('clients.search', { limit: 1 }).then((answer) => {
      if (!current) return;
      const hasClients = answer.ok && answer.value.items.length > 0;
      window.location.replace(hrefOf({ name: hasClients ? 'desk' : 'clients' }));
      settle();
    });
    return () => {
      current = false;
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [api, deciding]);
  return deciding;
}

// Refreshes the price summary as the offer form changes. Without script the "Update the price" button does the same.
(() => {
  const form = document.getElementById('offer-form');
  const quote = () => document.getElementById('quote');
  if (!form || !quote()) return;
  const update = form.querySelector('[data-update]');
  if (update) update.hidden = true;
  let pending;
  const refresh = async () => {
    const response = await fetch(form.dataset.quoteUrl, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
    if (!response.ok) return;
    const holder = document.createElement('div');
    holder.innerHTML = await response.text();
    const fresh = holder.querySelector('#quote');
    if (fresh) quote().replaceWith(fresh);
  };
  form.addEventListener('input', () => {
    clearTimeout(pending);
    pending = setTimeout(refresh, 150);
  });
})();

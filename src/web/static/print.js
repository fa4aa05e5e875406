// The letter's print button (external file: the Content-Security-Policy allows no inline scripts).
// Without JavaScript the button stays hidden and the browser's own print command works.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

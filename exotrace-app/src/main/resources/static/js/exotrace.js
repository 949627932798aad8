// Sends the CSRF token with every htmx request that changes something.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A barcode scanner types the code and then Enter. In a field marked data-scan, Enter moves on to
// the next field instead of sending a half-filled form.
document.addEventListener('keydown', function (event) {
  var field = event.target;
  if (event.key !== 'Enter' || !field.matches || !field.matches('input[data-scan]')) return;
  event.preventDefault();
  field.dispatchEvent(new Event('change', { bubbles: true }));
  var next = field.form && field.form.querySelector(field.dataset.scan);
  if (next) next.focus();
});

// A checkbox marked data-select-all="name" ticks or clears every checkbox of that name in its form.
document.addEventListener('change', function (event) {
  var box = event.target;
  if (!box.matches || !box.matches('input[data-select-all]')) return;
  box.form.querySelectorAll('input[type=checkbox][name="' + box.dataset.selectAll + '"]').forEach(function (other) {
    other.checked = box.checked;
  });
});

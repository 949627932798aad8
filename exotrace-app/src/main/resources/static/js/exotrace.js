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

// Handlers live here, not in onchange attributes, because the Content-Security-Policy runs no inline script.
// A select marked data-submit-on-change sends its form when a choice is made (a filter without a button).
document.addEventListener('change', function (event) {
  var select = event.target;
  if (!select.matches || !select.matches('select[data-submit-on-change]')) return;
  select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit();
});

// A select marked data-links-chosen="id" points the link with that id at its data-base plus the chosen
// value, and hides the link while nothing is chosen.
document.addEventListener('change', function (event) {
  var select = event.target;
  if (!select.matches || !select.matches('select[data-links-chosen]')) return;
  var link = document.getElementById(select.dataset.linksChosen);
  if (!link) return;
  link.hidden = !select.value;
  link.href = link.dataset.base + select.value;
});

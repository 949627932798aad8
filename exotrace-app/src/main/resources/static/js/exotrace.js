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

// At a phone's width the navigation and the account links fold behind the Menu button of the header
// (exotrace.css hides them while the bar is .collapsible and not .open). Without this script they stay
// visible, wrapped; with it the button says whether they are shown, and Escape folds them again.
(function () {
  var toggle = document.querySelector('.topbar .menu-toggle');
  if (!toggle) return;
  var bar = toggle.closest('.topbar');
  function show(open) {
    toggle.setAttribute('aria-expanded', String(open));
    bar.classList.toggle('open', open);
  }
  toggle.hidden = false;
  bar.classList.add('collapsible');
  toggle.addEventListener('click', function () {
    show(toggle.getAttribute('aria-expanded') !== 'true');
  });
  bar.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true') return;
    show(false);
    toggle.focus();
  });
})();

// A box that scrolls sideways at the present width (a wide table on a phone, a wrapper with overflow-x)
// takes the keyboard's focus, so arrow keys can scroll it, and is named after the heading above it. It
// gives the focus back once the window is wide enough for it again.
(function () {
  var BOXES = 'table.table, .table-wrap, .scroll-x, [data-scrolls]';
  var headings = 0;
  function headingBefore(box) {
    for (var node = box; node && node !== document.body; node = node.parentElement) {
      for (var sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
        var heading = sibling.matches('h1, h2, h3, h4') ? sibling : sibling.querySelector('h1, h2, h3, h4');
        if (heading) return heading;
      }
    }
    return null;
  }
  function mark() {
    document.querySelectorAll(BOXES).forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute('tabindex')) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('data-scroll-focus', '');
        if (box.tagName !== 'TABLE' && !box.hasAttribute('role')) box.setAttribute('role', 'region');
        var heading = headingBefore(box);
        if (heading && !box.hasAttribute('aria-label') && !box.hasAttribute('aria-labelledby')) {
          if (!heading.id) heading.id = 'scroll-heading-' + (++headings);
          box.setAttribute('aria-labelledby', heading.id);
        }
      } else if (!scrolls && box.hasAttribute('data-scroll-focus')) {
        box.removeAttribute('tabindex');
        box.removeAttribute('data-scroll-focus');
      }
    });
  }
  var pending;
  function later() {
    clearTimeout(pending);
    pending = setTimeout(mark, 100);
  }
  mark();
  window.addEventListener('resize', later);
  document.addEventListener('htmx:afterSettle', later);
})();

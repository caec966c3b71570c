// Every request htmx makes carries Spring Security's CSRF token from the page's meta tags.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// htmx swaps only 2xx answers by default; the task row's refusals (invalid note 400, other jabatan 403, gone 404,
// someone else was faster 409) come as rows too, so let htmx swap them in place.
document.addEventListener('htmx:beforeSwap', function (event) {
  var status = event.detail.xhr.status;
  if (status === 400 || status === 403 || status === 404 || status === 409) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// A file larger than the limit is refused before it is sent (the server says the same if it arrives anyway).
document.addEventListener('change', function (event) {
  var input = event.target;
  if (input.type === 'file' && input.dataset.maxBytes && input.files.length > 0) {
    var tooBig = input.files[0].size > Number(input.dataset.maxBytes);
    input.setCustomValidity(tooBig ? input.dataset.tooBig : '');
    if (tooBig) {
      input.reportValidity();
    }
  }
});

// The tanda terima's print button.
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});

// A report row saved with htmx bumps its form's version (HX-Trigger "formVersion"): the sign-off button sends the
// version this page has seen, its own saves included.
document.addEventListener('formVersion', function (event) {
  document.querySelectorAll('input[data-form-version]').forEach(function (input) {
    input.value = event.detail.value;
  });
});

// On a narrow screen a stacked table (table.stack) shows each row as a card with every cell under its column's
// heading, which sopan.css reads from the cell's data-label. The headings are copied here from the table's head,
// where the page names them once, instead of being repeated in every cell of the HTML (on the Kotak Tugas that
// repetition was about a quarter of the server's work per page, docs/benchmarks.md). A cell that names itself
// (data-label from the server) keeps its own; a cell spanning columns, or under a heading meant for screen readers
// only (.sr-only), gets none. Run on the page and on every piece htmx swaps in (a task's row).
function labelStackedCells(root) {
  var tables = root.matches && root.matches('table.stack') ? [root]
      : root.closest && root.closest('table.stack') ? [root.closest('table.stack')]
      : root.querySelectorAll('table.stack');
  Array.prototype.forEach.call(tables, function (table) {
    var headRow = table.tHead && table.tHead.rows[0];
    if (!headRow) {
      return;
    }
    var headings = [];
    Array.prototype.forEach.call(headRow.cells, function (th) {
      for (var i = 0; i < th.colSpan; i++) {
        headings.push(th.colSpan === 1 && !th.querySelector('.sr-only') ? th.textContent.trim() : '');
      }
    });
    Array.prototype.forEach.call(table.querySelectorAll('tbody > tr, tfoot > tr'), function (tr) {
      var column = 0;
      Array.prototype.forEach.call(tr.cells, function (cell) {
        if (cell.tagName === 'TD' && cell.colSpan === 1 && headings[column] && !cell.hasAttribute('data-label')) {
          cell.setAttribute('data-label', headings[column]);
        }
        column += cell.colSpan;
      });
    });
  });
}
document.addEventListener('htmx:load', function (event) {
  labelStackedCells(event.target);
});
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', function () {
    labelStackedCells(document);
  });
} else {
  labelStackedCells(document);
}

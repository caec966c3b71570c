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

// Nothing typed is lost. Before leaving a page with unsaved changes the browser asks first; before any form
// is posted, the script asks the server whether the login is still valid. When it is not (the session
// expired, or the server cannot be reached), the page stays as it is and says how to log in again in another
// tab; the next click on the same button posts everything, with the CSRF token the new login issued.
(function () {
  "use strict";
  var sessionUrl = document.body.getAttribute("data-session-url");
  var notice = document.getElementById("session-lost");
  var dirty = false;

  function watched(el) { return el && el.form && el.form.method === "post"; }
  document.addEventListener("input", function (e) { if (watched(e.target)) dirty = true; });
  document.addEventListener("change", function (e) { if (watched(e.target)) dirty = true; });
  document.addEventListener("click", function (e) {
    if (e.target.closest("[data-add], [data-remove], [data-move]")) dirty = true;
  });
  window.addEventListener("beforeunload", function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ""; }
  });

  function show(text) {
    notice.querySelector("[data-text]").textContent = text;
    notice.hidden = false;
  }

  document.querySelectorAll('form[method="post"]:not([data-no-check])').forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (form.getAttribute("data-checked") === "yes" || !sessionUrl || !notice || !window.fetch) return;
      e.preventDefault();
      var submitter = e.submitter || null;
      fetch(sessionUrl, {credentials: "same-origin", headers: {"Accept": "application/json"}, cache: "no-store"})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (status) {
          if (!status || !status.ok) {
            show("登录已过期，内容还没有提交，页面上填写的内容都还在。");
            return;
          }
          form.querySelectorAll('input[name="csrfmiddlewaretoken"]').forEach(function (i) { i.value = status.csrf; });
          notice.hidden = true;
          dirty = false;
          form.setAttribute("data-checked", "yes");
          if (form.requestSubmit) {
            form.requestSubmit(submitter);
          } else {  // older browsers: submit() would drop the clicked button's name=value (e.g. confirm=yes)
            if (submitter && submitter.name) {
              var carry = document.createElement("input");
              carry.type = "hidden"; carry.name = submitter.name; carry.value = submitter.value;
              form.appendChild(carry);
            }
            form.submit();
          }
          form.removeAttribute("data-checked");
        })
        .catch(function () {
          show("无法连接服务器，内容还没有提交，页面上填写的内容都还在。请稍后再点一次。");
        });
    });
  });
})();

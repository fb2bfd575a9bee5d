// Ready-made citations name the date the reader accessed the entry (BibTeX urldate, GB/T 7714 引用日期). The page
// is built with the build date there; this puts the reader's own date (their time zone) in its place when the page
// opens and again just before a citation is copied (capture phase: before Material's copy handler reads the text).
(function () {
  function today() {
    var now = new Date(), pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }
  function stamp() {
    var date = today();
    document.querySelectorAll("time.tb-access-date").forEach(function (element) {
      element.textContent = date;
      element.setAttribute("datetime", date);
    });
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".tb-copy")) stamp();
  }, true);
  stamp();
})();

// A little behaviour for the browse pages: bring the highlighted span into view, and upload
// files through the API, showing each file's status until the pipeline is done with it.
(function () {
  "use strict";
  var mark = document.getElementById("hl");
  if (mark) {
    var scroll = function () { mark.scrollIntoView({block: "center"}); };
    scroll();
    var button = document.getElementById("to-mark");
    if (button) { button.addEventListener("click", scroll); }
  }

  var form = document.getElementById("upload-form");
  if (!form) { return; }
  var list = document.getElementById("upload-status");
  var LABELS = {queued: "в очереди", running: "обрабатывается", ingested: "загружен",
                skipped: "уже был загружен", failed: "ошибка"};

  function show(item, status) {
    item.dataset.status = status.status;
    item.textContent = status.name + ": " + (LABELS[status.status] || status.status) +
      (status.status === "failed" ? " — " + status.message : "");
    if (status.doc_id && (status.status === "ingested" || status.status === "skipped")) {
      var link = document.createElement("a");
      link.href = "/browse/documents/" + status.doc_id;
      link.className = "uploaded";
      link.textContent = " открыть";
      item.appendChild(link);
    }
  }

  function poll(id, item) {
    fetch("/uploads/" + id).then(function (r) { return r.json(); }).then(function (status) {
      show(item, status);
      if (status.status === "queued" || status.status === "running") {
        setTimeout(function () { poll(id, item); }, 700);
      }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var files = document.getElementById("upload-files").files;
    var body = new FormData();
    for (var i = 0; i < files.length; i++) { body.append("files", files[i]); }
    var token = document.getElementById("upload-token").value;
    fetch("/documents", {method: "POST", body: body, headers: {"Authorization": "Bearer " + token}})
      .then(function (r) { return r.json().then(function (data) { return {ok: r.ok, data: data}; }); })
      .then(function (res) {
        if (!res.ok) {
          var li = document.createElement("li");
          li.dataset.status = "rejected";
          li.textContent = "Отказ: " + res.data.detail;
          list.appendChild(li);
          return;
        }
        res.data.uploads.forEach(function (status) {
          var item = document.createElement("li");
          list.appendChild(item);
          show(item, status);
          poll(status.id, item);
        });
      });
  });
})();

// The questionnaire simulator: a web chat against the console's simulator endpoint (same replies as the bot's
// web chat, plus notes on what would have been done). Texts shown come from the page, never from here.
(function () {
  "use strict";
  var root = document.getElementById("simulator");
  if (!root) { return; }
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("text");
  var statusLine = document.getElementById("status");
  var busy = false;

  function text(id) {
    return document.getElementById(id).textContent;
  }

  function show(content, who) {
    var div = document.createElement("div");
    div.className = "msg " + who;
    div.textContent = content;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function showReply(item) {
    var div = show(item.text, "bot");
    if (item.choices && item.choices.length) {
      var box = document.createElement("div");
      box.className = "choices";
      item.choices.forEach(function (choice) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = choice.label;
        b.addEventListener("click", function () {
          if (busy) { return; }
          send({ choice: choice.id, label: choice.label }, choice.label);
        });
        box.appendChild(b);
      });
      div.appendChild(box);
    }
  }

  function showItem(item) {
    if (item.kind === "reply") {
      showReply(item);
    } else {
      var template = document.getElementById("note-" + item.kind) || document.getElementById("note-other");
      show(template.textContent.replace("{n}", String(item.offers)), "note");
    }
  }

  function setBusy(value) {
    busy = value;
    document.getElementById("send").disabled = value;
    Array.prototype.forEach.call(log.querySelectorAll(".choices button"), function (b) { b.disabled = value; });
  }

  function post(url, body) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    headers[root.getAttribute("data-csrf-header")] = root.getAttribute("data-csrf-token");
    return fetch(url, { method: "POST", headers: headers, credentials: "same-origin", body: body });
  }

  function send(body, shown) {
    show(shown, "me");
    setBusy(true);
    statusLine.hidden = true;
    post(root.getAttribute("data-messages"), JSON.stringify(body)).then(function (response) {
      if (!response.ok) { throw new Error("status " + response.status); }
      return response.json();
    }).then(function (json) {
      (json.items || []).forEach(showItem);
    }).catch(function () {
      statusLine.textContent = text("note-error");
      statusLine.hidden = false;
    }).then(function () { setBusy(false); input.focus(); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var typed = input.value.trim();
    if (!typed || busy) { return; }
    input.value = "";
    send({ text: typed }, typed);
  });

  document.getElementById("restart").addEventListener("click", function () {
    if (busy) { return; }
    post(root.getAttribute("data-restart"), "{}").then(function () {
      log.innerHTML = "";
      send({ text: "Bonjour" }, "Bonjour");
    });
  });

  send({ text: "Bonjour" }, "Bonjour");
})();

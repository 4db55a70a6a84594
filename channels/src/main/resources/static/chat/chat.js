// The web chat: one POST per message, the replies of that message come back in the answer. What the bot
// writes first (news of a request, a person's words) waits on the server: the page asks for it when it
// opens (the same session, kept in localStorage) and every few seconds while it is open and visible.
(function () {
  "use strict";
  var KEY = "boussole.chat.session";
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("text");
  var statusLine = document.getElementById("status");
  var busy = false;

  function newSessionId() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function sessionId() {
    var id = localStorage.getItem(KEY);
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      id = newSessionId();
      localStorage.setItem(KEY, id);
    }
    return id;
  }

  function show(text, who) {
    var div = document.createElement("div");
    div.className = "msg " + who;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function showReply(reply) {
    var div = show(reply.text, "bot");
    if (reply.choices && reply.choices.length) {
      var box = document.createElement("div");
      box.className = "choices";
      reply.choices.forEach(function (choice) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = choice.label;
        b.addEventListener("click", function () {
          if (busy) { return; }
          send({ choice: choice.id }, choice.label);
        });
        box.appendChild(b);
      });
      div.appendChild(box);
    }
    if (reply.asksForPhone) { input.setAttribute("inputmode", "tel"); } else { input.removeAttribute("inputmode"); }
    log.scrollTop = log.scrollHeight;
  }

  function setStatus(text, isError) {
    statusLine.hidden = !text;
    statusLine.textContent = text || "";
    statusLine.className = "status" + (isError ? " error" : "");
  }

  function setBusy(value) {
    busy = value;
    form.querySelector("button").disabled = value;
    Array.prototype.forEach.call(log.querySelectorAll(".choices button"), function (b) { b.disabled = value; });
  }

  function send(body, shown) {
    var messageId = newSessionId();
    show(shown, "me");
    setBusy(true);
    setStatus("…", false);
    post(body, messageId, 0);
  }

  // A network failure is retried with the same message id: the server answers a retry with the same replies.
  function post(body, messageId, attempt) {
    fetch("/api/chat/" + encodeURIComponent(sessionId()) + "/messages", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-Message-Id": messageId },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          throw { shown: json.message || "Le service est momentanément indisponible, réessayez dans une minute." };
        }
        setStatus("", false);
        (json.replies || []).forEach(showReply);
      });
    }).catch(function (error) {
      if (!error.shown && attempt < 2) {
        setTimeout(function () { post(body, messageId, attempt + 1); }, 1000 * (attempt + 1));
        return Promise.reject("retrying");
      }
      setStatus(error.shown || "Connexion impossible, vérifie ton réseau et réessaie.", true);
    }).then(function () { setBusy(false); }, function () {});
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || busy) { return; }
    input.value = "";
    send({ text: text }, text);
  });

  document.getElementById("restart").addEventListener("click", function () {
    localStorage.setItem(KEY, newSessionId());
    log.innerHTML = "";
    setStatus("", false);
    input.focus();
    send({ text: "Bonjour" }, "Bonjour");
  });

  var NEWS_EVERY_MS = 10000;

  function fetchNews() {
    return fetch("/api/chat/" + encodeURIComponent(sessionId()) + "/news", { headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (json) { return json.replies || []; }, function () { return []; });
  }

  // Not while a message waits for its replies: they come in its own answer.
  function pollNews() {
    if (busy || document.hidden) { return; }
    fetchNews().then(function (replies) { replies.forEach(showReply); });
  }

  fetchNews().then(function (replies) {
    replies.forEach(showReply);
    if (!replies.length && !log.children.length) {
      send({ text: "Bonjour" }, "Bonjour");
    }
    setInterval(pollNews, NEWS_EVERY_MS);
    document.addEventListener("visibilitychange", pollNews);
  });
})();

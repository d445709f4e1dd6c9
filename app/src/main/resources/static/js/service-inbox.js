// The agent's open conversation follows the case live: on each change the thread is read again from the server.
(function () {
  "use strict";
  var page = document.getElementById("conversation");
  if (!page || !window.EventSource) { return; }
  var id = page.getAttribute("data-conversation");
  function refresh() {
    fetch("/service/conversations/" + id + "/messages", {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("#messages");
        var current = document.getElementById("messages");
        if (fresh && current) { current.replaceWith(fresh); }
      });
  }
  var events = new EventSource("/service/conversations/" + id + "/events");
  events.addEventListener("ready", function () { page.setAttribute("data-live", "true"); });
  events.addEventListener("changed", refresh);
})();

/* Portal form helpers: subject search, streets of a mahalle, the map pin, and nearby cases.
   Everything degrades: without JavaScript the selects and the address field still work. */
(function () {
  "use strict";
  var form = document.getElementById("submit-form");
  if (!form) return;
  var $ = function (id) { return document.getElementById(id); };
  var subject = $("id_subject"), mahalle = $("id_neighbourhood"), street = $("id_street");
  var lat = $("id_latitude"), lng = $("id_longitude"), nearbyBox = $("nearby");

  function getJSON(url, done) {
    fetch(url, { headers: { "Accept": "application/json" } }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) done(data); }).catch(function () {});
  }
  function fillSelect(select, items, keep) {
    var first = select.options[0];
    var previous = keep ? select.value : "";
    select.innerHTML = "";
    select.appendChild(first);
    items.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.id; option.textContent = item.name;
      if (String(item.id) === previous) option.selected = true;
      select.appendChild(option);
    });
  }

  /* A second click while the first POST travels would only be answered with the same case (the
     form token is the idempotency key), but it would upload the photos twice. */
  form.addEventListener("submit", function () {
    var button = $("submit-button");
    setTimeout(function () { button.disabled = true; }, 0);
  });

  /* Subject search: the server folds Turkish letters, so "isik" finds "Işık". */
  var search = $("subject-search"), timer = null;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      getJSON(search.dataset.url + "?q=" + encodeURIComponent(search.value), function (data) {
        fillSelect(subject, data.subjects, true);
        if (data.subjects.length === 1) { subject.value = data.subjects[0].id; refreshNearby(); }
      });
    }, 200);
  });

  mahalle.addEventListener("change", function () {
    if (!mahalle.value) { fillSelect(street, [], false); return; }
    getJSON(street.dataset.url + "?mahalle=" + mahalle.value, function (data) { fillSelect(street, data.streets, false); });
    refreshNearby();
  });
  subject.addEventListener("change", refreshNearby);

  /* One tap on the map changes both the mahalle and the pin: wait a moment, ask once, and let only
     the answer to the latest question through (answers may arrive out of order). */
  var nearbyTimer = null, nearbyAsked = 0;
  function refreshNearby() {
    clearTimeout(nearbyTimer);
    nearbyTimer = setTimeout(function () {
      var mine = ++nearbyAsked;
      if (!subject.value || (!lat.value && !mahalle.value)) { nearbyBox.innerHTML = ""; return; }
      var q = "?subject=" + subject.value + "&lat=" + lat.value + "&lng=" + lng.value + "&mahalle=" + mahalle.value;
      fetch(nearbyBox.dataset.url + q).then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) { if (mine === nearbyAsked) nearbyBox.innerHTML = html; }).catch(function () {});
    }, 150);
  }

  /* "Add my voice": a small POST of its own, outside the application form (forms cannot nest). */
  nearbyBox.addEventListener("click", function (event) {
    var button = event.target.closest("[data-support-url]");
    if (!button) return;
    var post = document.createElement("form");
    post.method = "post"; post.action = button.dataset.supportUrl; post.hidden = true;
    var token = form.querySelector("[name=csrfmiddlewaretoken]").cloneNode();
    post.appendChild(token);
    document.body.appendChild(post);
    post.submit();
  });

  /* The map: works with no tile server by drawing the mahalle outlines; tiles when configured. */
  var box = $("map");
  if (!box || typeof L === "undefined") return;
  var map = L.map(box, { zoomControl: true, attributionControl: !!box.dataset.tiles, minZoom: 9, maxZoom: 19, zoomSnap: 0.25 })
    .setView([parseFloat(box.dataset.lat), parseFloat(box.dataset.lng)], 13);
  if (box.dataset.tiles) L.tileLayer(box.dataset.tiles, { maxZoom: 19 }).addTo(map);
  var pin = null;
  var status = $("pin-status");
  function placePin(latlng) {
    lat.value = latlng.lat.toFixed(6); lng.value = latlng.lng.toFixed(6);
    if (pin) pin.setLatLng(latlng);
    else pin = L.circleMarker(latlng, { radius: 9, color: "#a4161a", weight: 3, fillColor: "#ff4d4f", fillOpacity: .9 }).addTo(map);
    status.textContent = status.dataset.placed || "✓ " + lat.value + ", " + lng.value;
    refreshNearby();
  }
  if (lat.value && lng.value) placePin(L.latLng(parseFloat(lat.value), parseFloat(lng.value)));
  map.on("click", function (e) { placePin(e.latlng); });
  getJSON(box.dataset.outlines, function (data) {
    if (!data.features.length) return;
    var layer = L.geoJSON(data, {
      style: { color: "#0a58a8", weight: 1.5, fillColor: "#0a58a8", fillOpacity: .06 },
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 4, color: "#0a58a8" }); },
      onEachFeature: function (feature, shape) {
        shape.bindTooltip(feature.properties.name, { permanent: feature.geometry.type !== "Point", direction: "center", className: "p-mahalle-label" });
        shape.on("click", function () {
          if (mahalle.value !== String(feature.properties.id)) {
            mahalle.value = feature.properties.id;
            mahalle.dispatchEvent(new Event("change"));
          }
        });
      }
    }).addTo(map);
    map.invalidateSize();
    if (!pin) map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    box.dataset.ready = "1";
  });
})();

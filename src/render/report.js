// The plan report's behaviour: a click on a task (or a row of the change list) shows its
// member changes and code diff; filters dim tasks by status and hide workflows. Everything is
// built with textContent from the embedded JSON, never with innerHTML, so no name or code
// can become markup. `#select=<address>` in the URL clicks that task once the page loads
// (deep links, and the headless browser test).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('plan-data').textContent);
  var panel = document.getElementById('details');
  var markers = { create: '+', update: '~', replace: '-/+', delete: '-' };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function diffBlock(diff) {
    var pre = element('pre', 'diff');
    diff.split('\n').forEach(function (line, index, lines) {
      if (line === '' && index === lines.length - 1) return;
      var kind = '';
      if (line.indexOf('@@') === 0) kind = 'hunk';
      else if (line.indexOf('+++') === 0 || line.indexOf('---') === 0) kind = 'hunk';
      else if (line.charAt(0) === '+') kind = 'add';
      else if (line.charAt(0) === '-') kind = 'remove';
      pre.appendChild(element('span', kind, line === '' ? ' ' : line));
    });
    return pre;
  }

  function highlight(id) {
    Array.prototype.forEach.call(document.querySelectorAll('.selected, .linked'), function (node) {
      node.classList.remove('selected');
      node.classList.remove('linked');
    });
    var shown = false;
    Array.prototype.forEach.call(document.querySelectorAll('#graph .node[data-node]'), function (node) {
      if (node.getAttribute('data-node') !== id) return;
      node.classList.add('selected');
      // Bring the task itself (not a stand-in elsewhere) into view inside its scrolled drawing.
      if (!shown && !node.classList.contains('stand-in')) {
        var section = node.closest('details');
        if (section) section.open = true;
        node.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        shown = true;
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll('.edge'), function (edge) {
      if (edge.getAttribute('data-from') === id || edge.getAttribute('data-to') === id) edge.classList.add('linked');
    });
  }

  function show(id) {
    var entry = data.entries[id];
    if (!entry) return;
    panel.textContent = '';
    panel.setAttribute('data-showing', entry.address);
    var marker = markers[entry.status];
    panel.appendChild(element('h2', 'status-' + entry.status, (marker ? marker + ' ' : '') + entry.address));
    var facts = [entry.kind, entry.verb];
    if (entry.id) facts.push('id ' + entry.id);
    if (entry.source) facts.push('declared in ' + entry.source);
    panel.appendChild(element('p', 'meta', facts.join(' · ')));
    if (entry.note) panel.appendChild(element('p', 'note', entry.note));
    var rows = [];
    entry.changes.forEach(function (change) {
      if (change.diff !== undefined) {
        panel.appendChild(element('h3', '', change.member));
        panel.appendChild(diffBlock(change.diff));
      } else {
        rows.push(change);
      }
    });
    if (rows.length) {
      var table = element('table', 'members');
      var head = element('tr');
      ['member', 'before', 'after'].forEach(function (title) { head.appendChild(element('th', '', title)); });
      table.appendChild(head);
      rows.forEach(function (change) {
        var row = element('tr');
        row.appendChild(element('td', 'member', change.member));
        row.appendChild(element('td', 'before', change.before));
        row.appendChild(element('td', 'after', change.after));
        table.appendChild(row);
      });
      panel.appendChild(table);
    }
    if (!entry.changes.length) panel.appendChild(element('p', 'meta', 'No member changes.'));
    highlight(id);
  }

  function activate(event) {
    var target = event.target.closest ? event.target.closest('[data-node]') : null;
    if (target) show(target.getAttribute('data-node'));
  }
  document.addEventListener('click', activate);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' || event.key === ' ') {
      var target = event.target.closest ? event.target.closest('.node[data-node]') : null;
      if (target) {
        event.preventDefault();
        show(target.getAttribute('data-node'));
      }
    }
  });

  function applyFilters() {
    var shown = {};
    Array.prototype.forEach.call(document.querySelectorAll('#filters input[data-status]'), function (box) {
      shown[box.getAttribute('data-status')] = box.checked;
    });
    Array.prototype.forEach.call(document.querySelectorAll('#graph .node'), function (node) {
      node.classList.toggle('dimmed', shown[node.getAttribute('data-status')] === false);
    });
    var workflow = document.getElementById('workflow-filter').value;
    Array.prototype.forEach.call(document.querySelectorAll('#graph details.workflow'), function (section) {
      section.hidden = workflow !== '' && section.getAttribute('data-workflow') !== workflow;
    });
  }
  document.getElementById('filters').addEventListener('change', applyFilters);

  var selected = /^#select=(.*)$/.exec(window.location.hash);
  if (selected) {
    var address = decodeURIComponent(selected[1]);
    var nodes = document.querySelectorAll('#graph .node[data-address]:not(.stand-in)');
    for (var index = 0; index < nodes.length; index += 1) {
      if (nodes[index].getAttribute('data-address') === address) {
        nodes[index].dispatchEvent(new MouseEvent('click', { bubbles: true }));
        break;
      }
    }
  }
})();

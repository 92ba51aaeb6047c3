/*
 * Keeps what was typed in a workspace form when a send does not end in a write. The forms work without this script:
 * the server already shows a form again with what was typed whenever it can answer. This covers what the server
 * cannot: the browser lost the connection, the tab was reloaded, or the person came back to the form later.
 *
 * On sending a form marked data-borrador="<its address>", its fields (the Idempotency-Key and version included,
 * never the CSRF token) are kept in this tab's sessionStorage. When that form is opened fresh again (not shown back
 * by the server with its problems) and a kept send exists, the fields are put back with the same key, so sending
 * again writes at most once, and the page says so. A page that reports the write (data-borrador-hecho) forgets it,
 * and signing out forgets them all. Every sentence comes from the page; this file holds no Spanish.
 */
(function () {
    'use strict';

    var PREFIX = 'compromisos.borrador:';
    var NEVER = {_csrf: true, paso: true};

    function storage() {
        try {
            return window.sessionStorage;
        } catch (e) {
            return null; // storage switched off: the forms work as they do without JavaScript
        }
    }

    function kept(control) {
        return control.name && !NEVER[control.name] && !control.disabled
            && ['file', 'password', 'submit', 'button', 'reset'].indexOf(control.type) < 0;
    }

    function fieldsOf(form) {
        var fields = [];
        Array.prototype.forEach.call(form.elements, function (control) {
            if (!kept(control) || ((control.type === 'checkbox' || control.type === 'radio') && !control.checked)) {
                return;
            }
            fields.push([control.name, control.value]);
        });
        return fields;
    }

    function keep(store, form) {
        try {
            store.setItem(PREFIX + form.getAttribute('data-borrador'), JSON.stringify(fieldsOf(form)));
        } catch (e) {
            // storage full or refused: the send goes on regardless
        }
    }

    function restore(form, fields) {
        var byName = {};
        fields.forEach(function (field) {
            (byName[field[0]] = byName[field[0]] || []).push(field[1]);
        });
        Array.prototype.forEach.call(form.elements, function (control) {
            if (!kept(control)) {
                return;
            }
            var values = byName[control.name] || [];
            if (control.type === 'checkbox' || control.type === 'radio') {
                control.checked = values.indexOf(control.value) >= 0;
                var group = control.closest('details');
                if (control.checked && group) {
                    group.open = true;
                }
            } else if (values.length > 0) {
                control.value = values.shift();
            }
        });
        var notice = document.createElement('div');
        notice.className = 'aviso';
        notice.id = 'borrador-recuperado';
        notice.setAttribute('role', 'status');
        var text = document.createElement('p');
        text.textContent = form.getAttribute('data-borrador-recuperado');
        notice.appendChild(text);
        form.parentNode.insertBefore(notice, form);
    }

    function forget(store, address) {
        for (var i = store.length - 1; i >= 0; i--) {
            var name = store.key(i);
            if (name && name.indexOf(PREFIX) === 0) {
                var stored = name.substring(PREFIX.length);
                if (address === null || stored === address || stored.indexOf(address + '?') === 0) {
                    store.removeItem(name);
                }
            }
        }
    }

    function start() {
        var store = storage();
        if (!store) {
            return;
        }
        Array.prototype.forEach.call(document.querySelectorAll('[data-borrador-hecho]'), function (done) {
            forget(store, done.getAttribute('data-borrador-hecho'));
        });
        Array.prototype.forEach.call(document.querySelectorAll('form[data-borrador]'), function (form) {
            var saved = store.getItem(PREFIX + form.getAttribute('data-borrador'));
            if (document.getElementById('resumen-error')) {
                // shown back by the server with its problems: what it shows (and its key) is now the one to keep
                keep(store, form);
            } else if (saved) {
                try {
                    restore(form, JSON.parse(saved));
                } catch (e) {
                    store.removeItem(PREFIX + form.getAttribute('data-borrador'));
                }
            }
            form.addEventListener('submit', function () {
                keep(store, form);
            });
        });
        Array.prototype.forEach.call(document.querySelectorAll('form[data-salir]'), function (form) {
            form.addEventListener('submit', function () {
                forget(store, null);
            });
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());

/*
 * "Verificar en mi navegador": recomputes a commitment's audit hash chain from its public history, in the
 * reader's own browser, exactly as the HTTP contract defines it (api.md, "The audit hash chain"):
 *
 *   hash = lowercase hex SHA-256 of the UTF-8 bytes of seven lines joined by "\n":
 *          prevHash, commitmentId, sequence, type, occurredAt, actor, RFC 8785 canonical JSON of the payload
 *
 * then compares the head of the chain with the command service's own /integrity answer.
 *
 * Every sentence a person reads comes from the page (data-msg-* attributes of #verificacion, filled from the
 * message bundle); this file holds no Spanish. It is loaded with `defer` from the page's own origin, because the
 * pages' Content-Security-Policy allows no inline script.
 */
(function () {
    'use strict';

    var GENESIS = '0000000000000000000000000000000000000000000000000000000000000000';

    /* ---------- RFC 8785: JSON Canonicalization Scheme ---------- */

    /*
     * JCS is defined in terms of ECMAScript itself: numbers as Number.prototype.toString writes them (what
     * JSON.stringify does for a finite number), strings as JSON.stringify escapes them, object members sorted by
     * the UTF-16 code units of their names (what Array.prototype.sort does to strings by default), no white space.
     */
    function canonicalize(value) {
        if (value === null) {
            return 'null';
        }
        switch (typeof value) {
            case 'boolean':
                return value ? 'true' : 'false';
            case 'number':
                if (!isFinite(value)) {
                    throw new Error('JSON has no ' + value);
                }
                return JSON.stringify(value);
            case 'string':
                return JSON.stringify(value);
            case 'object':
                if (Array.isArray(value)) {
                    return '[' + value.map(canonicalize).join(',') + ']';
                }
                return '{' + Object.keys(value).sort().map(function (key) {
                    return JSON.stringify(key) + ':' + canonicalize(value[key]);
                }).join(',') + '}';
            default:
                throw new Error('not a JSON value: ' + typeof value);
        }
    }

    /* ---------- SHA-256 ---------- */

    var K = new Uint32Array([
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
    ]);

    function hex(bytes) {
        var out = '';
        for (var i = 0; i < bytes.length; i++) {
            out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
        }
        return out;
    }

    /*
     * FIPS 180-4 SHA-256 in plain JavaScript, for pages opened on an origin that is not secure (plain http on a
     * host other than localhost), where browsers withhold crypto.subtle.
     */
    function sha256HexJs(bytes) {
        var bitLength = bytes.length * 8;
        var padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
        padded.set(bytes);
        padded[bytes.length] = 0x80;
        var view = new DataView(padded.buffer);
        // the length in bits as a 64-bit big-endian number; messages here are far below 2^53 bits
        view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
        view.setUint32(padded.length - 4, bitLength >>> 0);

        var h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
            0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
        var w = new Uint32Array(64);
        for (var offset = 0; offset < padded.length; offset += 64) {
            for (var t = 0; t < 16; t++) {
                w[t] = view.getUint32(offset + t * 4);
            }
            for (t = 16; t < 64; t++) {
                var x = w[t - 15];
                var y = w[t - 2];
                var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
                var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
                w[t] = (w[t - 16] + s0 + w[t - 7] + s1) >>> 0;
            }
            var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
            for (t = 0; t < 64; t++) {
                var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
                var ch = (e & f) ^ (~e & g);
                var temp1 = (k + S1 + ch + K[t] + w[t]) >>> 0;
                var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
                var maj = (a & b) ^ (a & c) ^ (b & c);
                var temp2 = (S0 + maj) >>> 0;
                k = g;
                g = f;
                f = e;
                e = (d + temp1) >>> 0;
                d = c;
                c = b;
                b = a;
                a = (temp1 + temp2) >>> 0;
            }
            h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
        }
        var digest = new Uint8Array(32);
        var out = new DataView(digest.buffer);
        for (var i = 0; i < 8; i++) {
            out.setUint32(i * 4, h[i]);
        }
        return hex(digest);
    }

    function webCryptoAvailable() {
        return !!(window.isSecureContext && window.crypto && window.crypto.subtle);
    }

    /* A promise of the hex SHA-256 of a string's UTF-8 bytes, by Web Crypto where the page may use it. */
    function sha256Hex(text, forceJs) {
        var bytes = new TextEncoder().encode(text);
        if (!forceJs && webCryptoAvailable()) {
            return window.crypto.subtle.digest('SHA-256', bytes).then(function (buffer) {
                return hex(new Uint8Array(buffer));
            });
        }
        return Promise.resolve(sha256HexJs(bytes));
    }

    /* ---------- the chain ---------- */

    function hashEvent(prevHash, commitmentId, event, forceJs) {
        var lines = [prevHash, commitmentId, String(event.sequence), event.type, event.occurredAt, event.actor,
            canonicalize(event.payload)];
        return sha256Hex(lines.join('\n'), forceJs);
    }

    /*
     * Walks the events in the order given, as the services do: event i must have sequence i, link to the hash
     * before it (64 zeros for the first) and carry the hash of its own seven lines. Resolves to
     * {valid, events, headHash, broken}, broken naming the first event that does not hold and how.
     */
    function verify(commitmentId, events, forceJs) {
        var expectedPrev = GENESIS;
        var index = 0;

        function next() {
            if (index >= events.length) {
                return Promise.resolve({
                    valid: true,
                    events: events.length,
                    headHash: events.length ? events[events.length - 1].hash : null,
                    broken: null
                });
            }
            var event = events[index];
            var failure = function (reason, expected, found) {
                return {
                    valid: false,
                    events: events.length,
                    headHash: events[events.length - 1].hash,
                    broken: {
                        position: index, sequence: event.sequence, type: event.type,
                        reason: reason, expected: expected, found: found
                    }
                };
            };
            if (event.sequence !== index) {
                return Promise.resolve(failure('secuencia', String(index), String(event.sequence)));
            }
            if (event.prevHash !== expectedPrev) {
                return Promise.resolve(failure('anterior', expectedPrev, String(event.prevHash)));
            }
            return hashEvent(expectedPrev, commitmentId, event, forceJs).then(function (computed) {
                if (computed !== event.hash) {
                    return failure('hash', computed, String(event.hash));
                }
                expectedPrev = event.hash;
                index++;
                return next();
            });
        }

        try {
            return next();
        } catch (e) {
            return Promise.reject(e);
        }
    }

    /* ---------- the page ---------- */

    /*
     * Fills a message of the page into an element: "{name}" placeholders become the values given, hashes in
     * <code> so they can be read and copied; everything goes in as text, never as markup.
     */
    function say(element, section, key, values) {
        var template = section.getAttribute('data-msg-' + key);
        var paragraph = document.createElement('p');
        paragraph.setAttribute('data-mensaje', key);
        if (template === null) {
            // a page without this message still shows the facts rather than nothing
            template = key + Object.keys(values || {}).map(function (name) {
                return ' {' + name + '}';
            }).join('');
        }
        var parts = template.split(/(\{[a-zA-Z]+\})/);
        parts.forEach(function (part) {
            var match = /^\{([a-zA-Z]+)\}$/.exec(part);
            if (match && values && Object.prototype.hasOwnProperty.call(values, match[1])) {
                var value = String(values[match[1]]);
                if (/^[0-9a-f]{64}$/.test(value)) {
                    var code = document.createElement('code');
                    code.textContent = value;
                    paragraph.appendChild(code);
                } else {
                    paragraph.appendChild(document.createTextNode(value));
                }
            } else if (part) {
                paragraph.appendChild(document.createTextNode(part));
            }
        });
        element.appendChild(paragraph);
        return paragraph;
    }

    function getJson(url, crossOrigin) {
        return fetch(url, {
            headers: {'Accept': 'application/json'},
            mode: crossOrigin ? 'cors' : 'same-origin',
            credentials: 'omit',
            cache: 'no-store'
        }).then(function (response) {
            if (!response.ok) {
                throw new Error(url + ' answered ' + response.status);
            }
            return response.json();
        });
    }

    function markBroken(section, broken) {
        var item = document.getElementById('evento-' + broken.sequence);
        if (!item) {
            return;
        }
        item.classList.add('evento-alterado');
        item.setAttribute('data-verificacion', 'alterado');
        var label = section.getAttribute('data-msg-marca');
        if (label !== null && !item.querySelector('.marca-alterado')) {
            var mark = document.createElement('strong');
            mark.className = 'marca-alterado';
            mark.textContent = label;
            item.insertBefore(document.createTextNode(' '), item.firstChild);
            item.insertBefore(mark, item.firstChild);
        }
    }

    function compareWithCommandService(section, result, headHash) {
        var url = section.getAttribute('data-integrity-url');
        if (!url) {
            return Promise.resolve();
        }
        return getJson(url, true).then(function (integrity) {
            var same = integrity.headHash === headHash;
            result.setAttribute('data-comandos', same ? 'coincide' : 'difiere');
            say(result, section, same ? 'comandos-coincide' : 'comandos-difiere',
                {hash: integrity.headHash === null || integrity.headHash === undefined ? '—' : integrity.headHash});
        }, function () {
            result.setAttribute('data-comandos', 'inaccesible');
            say(result, section, 'comandos-inaccesible', {url: url});
        });
    }

    function run(section, button, result) {
        button.disabled = true;
        result.textContent = '';
        result.removeAttribute('data-resultado');
        result.removeAttribute('data-comandos');
        result.setAttribute('aria-busy', 'true');
        say(result, section, 'verificando', {});
        var metodo = webCryptoAvailable() ? 'webcrypto' : 'js';
        result.setAttribute('data-metodo', metodo);

        return getJson(section.getAttribute('data-history-url'), false).then(function (history) {
            var commitmentId = section.getAttribute('data-commitment-id') || history.commitmentId;
            var events = history.events || [];
            return verify(commitmentId, events, false).then(function (outcome) {
                result.textContent = '';
                if (outcome.valid) {
                    result.setAttribute('data-resultado', 'integro');
                    say(result, section, events.length ? 'integro' : 'vacio',
                        {eventos: outcome.events, hash: outcome.headHash});
                } else {
                    var broken = outcome.broken;
                    result.setAttribute('data-resultado', 'alterado');
                    result.setAttribute('data-evento', String(broken.sequence));
                    say(result, section, 'alterado-' + broken.reason, {
                        secuencia: broken.sequence, tipo: broken.type, posicion: broken.position,
                        esperado: broken.expected, encontrado: broken.found
                    });
                    markBroken(section, broken);
                }
                say(result, section, 'metodo-' + metodo, {});
                return compareWithCommandService(section, result, outcome.headHash);
            });
        }).catch(function (error) {
            result.textContent = '';
            result.setAttribute('data-resultado', 'error');
            say(result, section, 'error', {detalle: error && error.message ? error.message : String(error)});
        }).then(function () {
            result.removeAttribute('aria-busy');
            button.disabled = false;
        });
    }

    function start() {
        var section = document.getElementById('verificacion');
        var button = document.getElementById('verificar');
        var result = document.getElementById('resultado-verificacion');
        if (!section || !button || !result || !section.getAttribute('data-history-url')) {
            return;
        }
        button.addEventListener('click', function () {
            run(section, button, result);
        });
        // without JavaScript the button would do nothing, so it only shows once it works
        button.hidden = false;
    }

    window.CompromisosVerificacion = {
        canonicalize: canonicalize,
        sha256Hex: sha256Hex,
        sha256HexJs: function (text) {
            return sha256HexJs(new TextEncoder().encode(text));
        },
        hashEvent: hashEvent,
        verify: verify,
        webCryptoAvailable: webCryptoAvailable
    };

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());

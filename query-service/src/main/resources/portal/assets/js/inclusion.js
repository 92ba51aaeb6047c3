/*
 * "¿Está en el registro?": after verificar.js has recomputed a commitment's chain, checks in the reader's own
 * browser that the head event is a leaf of the transparency log under the signed checkpoint the page shows
 * (api.md, "Signed checkpoints"):
 *
 *   leaf data  = the 32 bytes of the event's hex hash
 *   leaf hash  = SHA-256(0x00 || leaf data)
 *   node hash  = SHA-256(0x01 || left || right)
 *
 * It asks the command service for the inclusion proof of the head hash at the checkpoint's tree size, recomputes
 * the root by RFC 9162 section 2.1.3.2 and compares it with the checkpoint's root hash. The checkpoint's Ed25519
 * signature is not checked here (the page says so and links the public key).
 *
 * Every sentence a person reads comes from the page (data-msg-* attributes of #registro); this file holds no
 * Spanish. SHA-256 is verificar.js's (Web Crypto, or its own code on an origin that is not secure).
 */
(function () {
    'use strict';

    var HEX64 = /^[0-9a-f]{64}$/;

    function crypto() {
        return window.CompromisosVerificacion;
    }

    function bytes(hexText) {
        if (!HEX64.test(hexText)) {
            throw new Error('not a 32-byte hex hash: ' + hexText);
        }
        var out = new Uint8Array(32);
        for (var i = 0; i < 32; i++) {
            out[i] = parseInt(hexText.substr(i * 2, 2), 16);
        }
        return out;
    }

    function prefixed(prefix, parts) {
        var out = new Uint8Array(1 + 32 * parts.length);
        out[0] = prefix;
        parts.forEach(function (part, i) {
            out.set(bytes(part), 1 + 32 * i);
        });
        return out;
    }

    /* A promise of the hex leaf hash of an event's hex hash. */
    function leafHash(eventHash, forceJs) {
        return crypto().sha256BytesHex(prefixed(0x00, [eventHash]), forceJs);
    }

    function nodeHash(left, right, forceJs) {
        return crypto().sha256BytesHex(prefixed(0x01, [left, right]), forceJs);
    }

    /*
     * RFC 9162 2.1.3.2: a promise of the root the proof leads to from the leaf hash, or a rejection naming why the
     * proof cannot be one for (index, size). Indexes are plain numbers, halved by division: JavaScript's bit
     * operators work on 32 bits and a log may grow past that.
     */
    function rootFromProof(index, size, leaf, proof, forceJs) {
        if (!(index >= 0 && index < size)) {
            return Promise.reject(new Error('leafIndex ' + index + ' is not below treeSize ' + size));
        }
        var fn = index;
        var sn = size - 1;
        var r = leaf;
        var i = 0;

        function odd(n) {
            return n % 2 === 1;
        }

        function half(n) {
            return Math.floor(n / 2);
        }

        function step() {
            if (i >= proof.length) {
                if (sn !== 0) {
                    return Promise.reject(new Error('the proof is ' + proof.length + ' hashes, too short'));
                }
                return Promise.resolve(r);
            }
            if (sn === 0) {
                return Promise.reject(new Error('the proof is ' + proof.length + ' hashes, too long'));
            }
            var p = String(proof[i++]);
            var next;
            if (odd(fn) || fn === sn) {
                next = nodeHash(p, r, forceJs);
                if (!odd(fn)) {
                    while (!odd(fn) && fn !== 0) {
                        fn = half(fn);
                        sn = half(sn);
                    }
                }
            } else {
                next = nodeHash(r, p, forceJs);
            }
            fn = half(fn);
            sn = half(sn);
            return next.then(function (hash) {
                r = hash;
                return step();
            });
        }

        try {
            return step();
        } catch (e) {
            return Promise.reject(e);
        }
    }

    /*
     * Resolves to {included, computedRoot, reason}: included when the proof leads from the event's hash to the
     * expected root; reason says why not ('raiz-distinta' or 'prueba-invalida' with detail).
     */
    function verifyInclusion(eventHash, index, size, proof, expectedRoot, forceJs) {
        return leafHash(eventHash, forceJs).then(function (leaf) {
            return rootFromProof(index, size, leaf, proof, forceJs);
        }).then(function (root) {
            return {included: root === expectedRoot, computedRoot: root,
                reason: root === expectedRoot ? null : 'raiz-distinta', detail: null};
        }, function (error) {
            return {included: false, computedRoot: null, reason: 'prueba-invalida',
                detail: error && error.message ? error.message : String(error)};
        });
    }

    /* ---------- the page ---------- */

    function check(section, result, head) {
        var say = crypto().say;
        var size = Number(section.getAttribute('data-tree-size'));
        var root = section.getAttribute('data-root-hash');
        result.textContent = '';
        result.removeAttribute('data-inclusion');
        result.setAttribute('aria-busy', 'true');
        say(result, section, 'verificando', {});
        var pageHead = section.getAttribute('data-head-hash');
        var url = section.getAttribute('data-proof-url') + '?hash=' + encodeURIComponent(head)
            + '&treeSize=' + encodeURIComponent(String(size));
        var outcome = function (state, key, values) {
            result.textContent = '';
            result.setAttribute('data-inclusion', state);
            say(result, section, key, values);
            if (pageHead && head !== pageHead) {
                say(result, section, 'cabeza-distinta', {hash: head});
            }
        };
        return fetch(url, {
            headers: {'Accept': 'application/json'}, mode: 'cors', credentials: 'omit', cache: 'no-store'
        }).then(function (response) {
            if (!response.ok) {
                outcome('no-incluido', 'no-incluido', {hash: head, tamano: size, estado: response.status});
                return null;
            }
            return response.json().then(function (proof) {
                if (Number(proof.treeSize) !== size) {
                    outcome('tamano-distinto', 'tamano-distinto', {tamano: size, recibido: proof.treeSize});
                    return null;
                }
                return verifyInclusion(head, Number(proof.leafIndex), size, proof.hashes || [], root, false)
                    .then(function (verdict) {
                        if (verdict.included) {
                            outcome('incluido', 'incluido', {hash: head, tamano: size});
                        } else if (verdict.reason === 'raiz-distinta') {
                            outcome('raiz-distinta', 'raiz-distinta',
                                {hash: head, tamano: size, calculada: verdict.computedRoot, firmada: root});
                        } else {
                            outcome('prueba-invalida', 'prueba-invalida', {tamano: size, detalle: verdict.detail});
                        }
                    });
            });
        }).catch(function (error) {
            outcome('error', 'error', {detalle: error && error.message ? error.message : String(error)});
        }).then(function () {
            result.removeAttribute('aria-busy');
        });
    }

    function start() {
        var section = document.getElementById('registro');
        var result = document.getElementById('resultado-inclusion');
        if (!section || !result || !section.getAttribute('data-proof-url') || !crypto()) {
            return;
        }
        document.addEventListener('compromisos:cadena-verificada', function (event) {
            var head = event.detail && event.detail.headHash ? event.detail.headHash
                : section.getAttribute('data-head-hash');
            if (head) {
                check(section, result, head);
            }
        });
    }

    window.CompromisosInclusion = {
        leafHash: leafHash,
        nodeHash: nodeHash,
        rootFromProof: rootFromProof,
        verifyInclusion: verifyInclusion
    };

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());

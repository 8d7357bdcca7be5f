// The one-file viewer's unpacker (briefing.html inlines this file; the post-build hook
// also runs it, to check what it packed). `unpack(text, size)` unpacks the `size` bytes
// that the hook packed into `text`, an LZMA stream (the .lzma format of `xz
// --format=lzma`) written in printable ASCII so that it can sit in a script. It returns
// `take`: `take(n)` unpacks the next `n` bytes, so a part needed later (the tools module)
// is unpacked when it is needed.
//
// Text: every two characters carry 13 bits of the stream, as a number below 92 × 92 in
// base 92, low digit first. The 92 digits are the printable ASCII characters but for "
// and \ (a double-quoted string cannot hold them as they are) and < (which could start
// "</script"); HTML forbids control characters. The text costs 16/13 of the stream
// (base64: 4/3).
//
// LZMA: the decoder of the format's specification (LzmaSpec.cpp in the LZMA SDK),
// stopping after `size` bytes instead of at an end marker.
// eslint-disable-next-line no-unused-vars
function unpack(text, size) {
    const digit = new Uint8Array(128);
    for (let c = 32, d = 0; c < 127; c++) {
        if (c !== 34 && c !== 60 && c !== 92) digit[c] = d++;
    }
    const input = new Uint8Array(Math.ceil(text.length * 13 / 16) + 2);
    let count = 0;
    let bits = 0;
    let held = 0;
    for (let i = 0; i + 1 < text.length; i += 2) {
        bits = (bits << 13) | (digit[text.charCodeAt(i)] + 92 * digit[text.charCodeAt(i + 1)]);
        held += 13;
        while (held >= 8) {
            held -= 8;
            input[count++] = bits >>> held;
        }
        bits &= (1 << held) - 1;
    }

    // The .lzma header: properties, dictionary size, uncompressed size (not read).
    let lc = input[0];
    const pb = Math.floor(lc / 45);
    lc %= 45;
    const lp = Math.floor(lc / 9);
    lc %= 9;
    let at = 13;
    const out = new Uint8Array(size);
    let pos = 0;

    // The range decoder.
    let range = 0xffffffff;
    let code = 0;
    at++;
    for (let i = 0; i < 4; i++) code = ((code << 8) | input[at++]) >>> 0;
    // All probabilities in one array (one shape for the engine to optimise), at these offsets.
    const literals = 0;
    const isMatch = literals + (0x300 << (lc + lp));
    const isRep = isMatch + (12 << 4);
    const isRepG0 = isRep + 12;
    const isRepG1 = isRepG0 + 12;
    const isRepG2 = isRepG1 + 12;
    const isRep0Long = isRepG2 + 12;
    const slots = isRep0Long + (12 << 4);
    const special = slots + (4 << 6);
    const align = special + 115;
    // A length coder: choice, second choice, 16 low trees, 16 middle trees, a high tree.
    const matchLengths = align + 16;
    const repLengths = matchLengths + 2 + 256 + 256 + 256;
    const probs = new Uint16Array(repLengths + 2 + 256 + 256 + 256).fill(1024);
    const bit = (i) => {
        const p = probs[i];
        const bound = (range >>> 11) * p;
        let b;
        if (code < bound) {
            range = bound;
            probs[i] = p + ((2048 - p) >>> 5);
            b = 0;
        } else {
            range -= bound;
            code -= bound;
            probs[i] = p - (p >>> 5);
            b = 1;
        }
        if (range < 0x1000000) {
            range = (range * 256) >>> 0;
            code = ((code * 256) + input[at++]) >>> 0;
        }
        return b;
    };
    const direct = (n) => {
        let result = 0;
        for (; n > 0; n--) {
            range >>>= 1;
            let b = 0;
            if (code >= range) {
                code -= range;
                b = 1;
            }
            result = ((result << 1) | b) >>> 0;
            if (range < 0x1000000) {
                range = (range * 256) >>> 0;
                code = ((code * 256) + input[at++]) >>> 0;
            }
        }
        return result;
    };
    const tree = (base, n) => {
        let m = 1;
        for (let i = 0; i < n; i++) m = (m << 1) | bit(base + m);
        return m - (1 << n);
    };
    const reverse = (base, n) => {
        let m = 1;
        let symbol = 0;
        for (let i = 0; i < n; i++) {
            const b = bit(base + m);
            m = (m << 1) | b;
            symbol |= b << i;
        }
        return symbol;
    };
    const length = (coder, posState) => {
        if (bit(coder) === 0) return tree(coder + 2 + (posState << 3), 3);
        if (bit(coder + 1) === 0) return 8 + tree(coder + 2 + 256 + (posState << 3), 3);
        return 16 + tree(coder + 2 + 512, 8);
    };

    const pbMask = (1 << pb) - 1;
    const lpMask = (1 << lp) - 1;
    let state = 0;
    let rep0 = 0;
    let rep1 = 0;
    let rep2 = 0;
    let rep3 = 0;
    // Bytes of a match still to copy when the last part ended inside it.
    let len = 0;
    const copy = (end) => {
        for (; len > 0 && pos < end; len--, pos++) out[pos] = out[pos - rep0 - 1];
    };
    const take = (n) => {
        const start = pos;
        const end = Math.min(pos + n, size);
        copy(end);
        while (pos < end) {
            const posState = pos & pbMask;
            if (bit(isMatch + (state << 4) + posState) === 0) {
                const previous = pos > 0 ? out[pos - 1] : 0;
                const base = 0x300 * (((pos & lpMask) << lc) + (previous >>> (8 - lc)));
                let symbol = 1;
                if (state >= 7) {
                    let match = out[pos - rep0 - 1];
                    do {
                        const matchBit = (match >>> 7) & 1;
                        match <<= 1;
                        const b = bit(literals + base + ((1 + matchBit) << 8) + symbol);
                        symbol = (symbol << 1) | b;
                        if (matchBit !== b) break;
                    } while (symbol < 0x100);
                }
                while (symbol < 0x100) symbol = (symbol << 1) | bit(literals + base + symbol);
                out[pos++] = symbol - 0x100;
                state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
                continue;
            }
            if (bit(isRep + state) !== 0) {
                if (bit(isRepG0 + state) === 0) {
                    if (bit(isRep0Long + (state << 4) + posState) === 0) {
                        state = state < 7 ? 9 : 11;
                        out[pos] = out[pos - rep0 - 1];
                        pos++;
                        continue;
                    }
                } else {
                    let distance;
                    if (bit(isRepG1 + state) === 0) {
                        distance = rep1;
                    } else {
                        if (bit(isRepG2 + state) === 0) {
                            distance = rep2;
                        } else {
                            distance = rep3;
                            rep3 = rep2;
                        }
                        rep2 = rep1;
                    }
                    rep1 = rep0;
                    rep0 = distance;
                }
                len = length(repLengths, posState);
                state = state < 7 ? 8 : 11;
            } else {
                rep3 = rep2;
                rep2 = rep1;
                rep1 = rep0;
                len = length(matchLengths, posState);
                state = state < 7 ? 7 : 10;
                const slot = tree(slots + (Math.min(len, 3) << 6), 6);
                if (slot < 4) {
                    rep0 = slot;
                } else {
                    const n = (slot >>> 1) - 1;
                    rep0 = ((2 | (slot & 1)) << n) >>> 0;
                    if (slot < 14) {
                        rep0 += reverse(special + rep0 - slot, n);
                    } else {
                        rep0 = (rep0 + direct(n - 4) * 16 + reverse(align, 4)) >>> 0;
                    }
                }
            }
            if (rep0 >= pos) throw new Error('unpack: the packed text is damaged');
            len += 2;
            copy(end);
        }
        return out.subarray(start, pos);
    };
    return take;
}

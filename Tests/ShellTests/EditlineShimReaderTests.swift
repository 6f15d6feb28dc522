import CEditlineShim
import Dispatch
import Foundation
import Testing

/// The libedit shim's reader (issue 13, item 9): UTF-8 decoded strictly, and an invalid
/// descriptor ends the wait instead of waking it again forever (POLLNVAL).
@Suite struct EditlineShimReaderTests {
    /// The characters `bytes` decode to, feeding a byte again when the decoder asks for it.
    static func decode(_ bytes: [UInt8]) -> [UInt32] {
        var decoder = bnc_utf8_decoder()
        var characters: [UInt32] = []
        var index = 0
        while index < bytes.count {
            var character: UInt32 = 0
            let result = bnc_utf8_feed(&decoder, bytes[index], &character)
            if result != BNC_UTF8_NEED_MORE { characters.append(character) }
            if result != BNC_UTF8_MALFORMED_AGAIN { index += 1 }
        }
        return characters
    }

    @Test func wellFormedTextDecodes() {
        let text = "a é 漢 🙂 \u{10FFFF}"
        #expect(Self.decode(Array(text.utf8)) == text.unicodeScalars.map(\.value))
    }

    @Test(
        arguments: [
            [0xC0, 0xAF], [0xC1, 0xBF], // overlong '/' and U+007F
            [0xE0, 0x80, 0xAF], [0xE0, 0x9F, 0xBF], // overlong three-byte forms
            [0xF0, 0x80, 0x80, 0xAF], [0xF0, 0x8F, 0xBF, 0xBF], // overlong four-byte forms
            [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], // UTF-16 surrogates
            [0xF4, 0x90, 0x80, 0x80], [0xF7, 0xBF, 0xBF, 0xBF], [0xF8, 0x88, 0x80, 0x80, 0x80] // above U+10FFFF
        ] as [[UInt8]])
    func malformedFormsBecomeReplacementCharacters(bytes: [UInt8]) {
        let characters = Self.decode(bytes)
        #expect(!characters.isEmpty)
        #expect(characters.allSatisfy { $0 == 0xFFFD }, "\(characters.map { String($0, radix: 16) })")
    }

    @Test func aByteThatBreaksASequenceIsNotLost() {
        // A lead byte cut short by ASCII: U+FFFD, then the ASCII character itself.
        #expect(Self.decode([0xE2, 0x82, 0x41]) == [0xFFFD, 0x41])
        #expect(Self.decode([0xC3, 0xE2, 0x82, 0xAC]) == [0xFFFD, 0x20AC])
    }

    @Test func anInvalidDescriptorEndsTheWait() async {
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        close(pipeEnds[0])
        close(pipeEnds[1])
        let closed = pipeEnds[0]
        let finished = DispatchSemaphore(value: 0)
        let result = ResultBox()
        Thread.detachNewThread {
            var byte: UInt8 = 0
            result.value = bnc_wait_for_byte(closed, -1, &byte)
            finished.signal()
        }
        // Before the fix the wait spun on POLLNVAL for ever.
        #expect(finished.wait(timeout: .now() + 5) == .success)
        #expect(result.value == -1)
    }

    @Test func aByteAndTheEndOfInputAreReported() {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        var byte: UInt8 = 0x41
        _ = write(ends[1], &byte, 1)
        close(ends[1])
        var got: UInt8 = 0
        #expect(bnc_wait_for_byte(ends[0], -1, &got) == 1 && got == 0x41)
        #expect(bnc_wait_for_byte(ends[0], -1, &got) == 0)
    }
}

private final class ResultBox: @unchecked Sendable {
    var value: Int32 = 99
}

import Foundation
import Testing

@testable import SessionLog

/// ``LineReader`` hands lines out in place from its read buffer, moving a line that runs past the
/// buffer's end to its start and growing the buffer only for a longer line. With tiny buffers
/// every line crosses a boundary; the lines must still be exactly those of a plain split.
@Suite struct LineReaderTests {
    struct Expected: Equatable {
        var number: Int
        var bytes: [UInt8]
        var terminated: Bool
        var overlong: Bool
    }

    /// The lines of `bytes` by a plain split, with the reader's rules for the cap.
    static func split(_ bytes: [UInt8], cap: Int) -> [Expected] {
        var lines: [Expected] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            let line = Array(bytes[start..<index])
            lines.append(
                Expected(
                    number: lines.count + 1, bytes: line.count > cap ? [] : line, terminated: true, overlong: line.count > cap))
            start = index + 1
        }
        if start < bytes.count {
            let line = Array(bytes[start...])
            lines.append(
                Expected(
                    number: lines.count + 1, bytes: line.count > cap ? [] : line, terminated: false, overlong: line.count > cap))
        }
        return lines
    }

    static func read(_ path: String, chunk: Int, cap: Int) throws -> [Expected] {
        let reader = try LineReader(path: path, chunkSize: chunk, maximumLineLength: cap)
        var lines: [Expected] = []
        while let line = try reader.next() {
            lines.append(
                Expected(number: line.number, bytes: Array(line.bytes), terminated: line.terminated, overlong: line.overlong))
        }
        return lines
    }

    @Test func linesAcrossBufferBoundariesReadAsAPlainSplit() throws {
        var generator = JSONTextGenerator(seed: 0x11_4E5)
        let path = temporaryDirectory() + "/lines.txt"
        for round in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<generator.below(30) {
                let length = generator.chance(10) ? generator.below(200) : generator.below(12)
                bytes += (0..<length).map { _ in UInt8(ascii: "a") &+ UInt8(generator.below(26)) }
                bytes.append(0x0A)
            }
            if generator.chance(50) { bytes += (0..<generator.below(40)).map { _ in UInt8(ascii: "z") } }
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            let chunk = 16 + generator.below(48)
            let cap = [8, 50, 150, 1_000][generator.below(4)]
            #expect(
                try Self.read(path, chunk: chunk, cap: cap) == Self.split(bytes, cap: cap),
                "round \(round), chunk \(chunk), cap \(cap)")
        }
    }

    @Test func anEmptyFileHasNoLines() throws {
        let path = temporaryDirectory() + "/empty.txt"
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        #expect(try Self.read(path, chunk: 16, cap: 100).isEmpty)
    }
}

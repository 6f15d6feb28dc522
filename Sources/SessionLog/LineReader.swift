#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file line by line in fixed-size chunks: memory stays bounded by the longest line
/// (itself capped), whatever the file's size.
final class LineReader {
    /// One line without its newline; `terminated` is false for a last line with no newline.
    struct Line {
        var number: Int
        var bytes: [UInt8]
        var terminated: Bool
        /// The line was longer than the cap; `bytes` holds its start only.
        var overlong: Bool
    }

    let path: String
    private let descriptor: Int32
    private var chunk: [UInt8]
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var lineNumber = 0
    let maximumLineLength: Int

    init(path: String, chunkSize: Int = 256 * 1024, maximumLineLength: Int = 64 * 1024 * 1024) throws(SessionLogError) {
        self.path = path
        self.maximumLineLength = maximumLineLength
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .readFailed(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw .readFailed(path: path, reason: "is a directory")
        }
        chunk = [UInt8](repeating: 0, count: chunkSize)
    }

    deinit { close(descriptor) }

    /// The next line, or nil at the end of the file.
    func next() throws(SessionLogError) -> Line? {
        var line: [UInt8] = []
        var overlong = false
        while true {
            if start < end {
                let found: Int? = chunk.withUnsafeBufferPointer { buffer in
                    guard let base = buffer.baseAddress,
                        let hit = memchr(base + start, Int32(UInt8(ascii: "\n")), end - start)
                    else { return nil }
                    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                let stop = found ?? end
                if !overlong {
                    let room = maximumLineLength - line.count
                    if stop - start > room {
                        line.append(contentsOf: chunk[start..<(start + room)])
                        overlong = true
                    } else {
                        line.append(contentsOf: chunk[start..<stop])
                    }
                }
                if let found {
                    start = found + 1
                    lineNumber += 1
                    return Line(number: lineNumber, bytes: line, terminated: true, overlong: overlong)
                }
                start = end
            }
            if atEOF {
                guard !line.isEmpty || overlong else { return nil }
                lineNumber += 1
                return Line(number: lineNumber, bytes: line, terminated: false, overlong: overlong)
            }
            try fill()
        }
    }

    private func fill() throws(SessionLogError) {
        start = 0
        end = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .readFailed(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { atEOF = true }
            end = count
            return
        }
    }
}

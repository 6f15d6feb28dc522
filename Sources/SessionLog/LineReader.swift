#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file line by line in large chunks: memory stays bounded by the longest line
/// (itself capped), whatever the file's size.
///
/// A line is handed out in place — a view into the read buffer, valid until the next call —
/// so reading a line copies nothing. A line that runs past the end of the buffer is moved to
/// its start before the next read (the buffer grows only for a line longer than itself).
final class LineReader {
    /// One line without its newline; `terminated` is false for a last line with no newline.
    struct Line {
        var number: Int
        /// The line's bytes, valid until the next ``LineReader/next()``; empty when `overlong`.
        var bytes: UnsafeBufferPointer<UInt8>
        var terminated: Bool
        /// The line was longer than the cap; it was skipped, not loaded.
        var overlong: Bool
    }

    let path: String
    private let descriptor: Int32
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    /// The unread bytes are `start..<end`.
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
        buffer = .allocate(capacity: max(chunkSize, 16))
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// The next line, or nil at the end of the file.
    func next() throws(SessionLogError) -> Line? {
        var scanned = start // no newline in start..<scanned
        var skipping = false // inside an overlong line: dropping its bytes up to its newline
        while true {
            if scanned < end, let found = memchr(buffer.baseAddress! + scanned, Int32(UInt8(ascii: "\n")), end - scanned) {
                let stop = buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                lineNumber += 1
                defer { start = stop + 1 }
                if skipping || stop - start > maximumLineLength {
                    return Line(
                        number: lineNumber, bytes: UnsafeBufferPointer(start: nil, count: 0), terminated: true, overlong: true)
                }
                return Line(
                    number: lineNumber, bytes: UnsafeBufferPointer(rebasing: buffer[start..<stop]), terminated: true,
                    overlong: false)
            }
            if atEOF {
                guard start < end || skipping else { return nil }
                lineNumber += 1
                defer { start = end }
                if skipping || end - start > maximumLineLength {
                    return Line(
                        number: lineNumber, bytes: UnsafeBufferPointer(start: nil, count: 0), terminated: false, overlong: true)
                }
                return Line(
                    number: lineNumber, bytes: UnsafeBufferPointer(rebasing: buffer[start..<end]), terminated: false,
                    overlong: false)
            }
            if skipping || end - start > maximumLineLength {
                // Too long to hand out: drop what is read of it and look for its end.
                skipping = true
                start = 0
                end = 0
            } else if start > 0 {
                // Keep the partial line: move it to the front, making room behind it.
                let pending = end - start
                if pending > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + start, pending) }
                start = 0
                end = pending
            }
            if end == buffer.count { grow() }
            scanned = end
            try fill()
        }
    }

    /// Doubles the buffer (up to the longest line allowed plus one byte, to see that it is longer).
    private func grow() {
        let size = min(max(buffer.count * 2, 16), maximumLineLength + 1)
        let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(size, buffer.count + 1))
        _ = larger.initialize(from: buffer[0..<end])
        buffer.deallocate()
        buffer = larger
    }

    /// Reads more bytes after `end`; sets `atEOF` when there are none.
    private func fill() throws(SessionLogError) {
        while true {
            let count = read(descriptor, buffer.baseAddress! + end, buffer.count - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw .readFailed(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { atEOF = true }
            end += count
            return
        }
    }
}

/// Takes the `body` out of a response line as bnc writes it, so a replay hands the recorded
/// bytes back without parsing and re-serializing them.
///
/// A response line is `{"kind":"response",…,"body":BODY,"latencyUs":N,"at":T}`. The body's
/// end is the line's last `,"latencyUs":` (the outer field comes after the body, so any such
/// text inside the body comes earlier). Whatever does not fit this shape returns nil and is
/// parsed the ordinary way.
enum ResponseLineSplitter {
    private static let prefix = Array(#"{"kind":"response","#.utf8)
    private static let bodyKey = Array(#","body":"#.utf8)
    private static let latencyKey = Array(#","latencyUs":"#.utf8)

    /// The line without its body (a small JSON object), and the body's exact bytes.
    static func split(_ bytes: [UInt8]) -> (rest: [UInt8], body: ArraySlice<UInt8>)? {
        guard bytes.starts(with: prefix), let end = lastIndex(of: latencyKey, in: bytes),
            let start = firstIndex(of: bodyKey, in: bytes, before: end)
        else { return nil }
        let bodyStart = start + bodyKey.count
        guard bodyStart < end, bytes[bodyStart] == UInt8(ascii: "{") || bytes[bodyStart] == UInt8(ascii: "[") else {
            return nil
        }
        var rest = Array(bytes[..<start])
        rest.append(contentsOf: bytes[end...])
        return (rest, bytes[bodyStart..<end])
    }

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        var index = bytes.count - needle.count
        while index >= 0 {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], before limit: Int) -> Int? {
        var index = 0
        while index + needle.count <= limit {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

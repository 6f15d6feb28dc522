/// The history file's line format: one entry per line, so that a multi-line block stays one
/// entry. Backslash, newline and carriage return are escaped (`\\`, `\n`, `\r`); every other
/// character is written as is, so the file stays readable and greppable.
package enum HistoryCodec {
    /// The single-line form of `entry`.
    package static func encode(_ entry: String) -> String {
        var line = ""
        line.reserveCapacity(entry.utf8.count)
        for character in entry {
            switch character {
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            case "\r\n": line += "\\r\\n"
            default: line.append(character)
            }
        }
        return line
    }

    /// The entry a line of the file holds. Unknown escapes are kept literally, so a hand-edited
    /// file never fails to load.
    package static func decode(_ line: Substring) -> String {
        var entry = ""
        var escaping = false
        for character in line {
            if escaping {
                switch character {
                case "n": entry += "\n"
                case "r": entry += "\r"
                case "\\": entry += "\\"
                default:
                    entry += "\\"
                    entry.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                entry.append(character)
            }
        }
        if escaping { entry += "\\" }
        return entry
    }
}

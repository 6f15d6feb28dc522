import BinanceAPI
import Foundation

/// The fidelity corpus in `Tests/Fidelity/`: one JSON file per served endpoint with the exchange's
/// documented answers (shape, types, field order, HTTP status, weight header, the page they came
/// from, and what was inferred where the pages are silent), and `general.json` with the HTTP
/// semantics every route answers. ``FidelityCorpusTests`` holds the simulator to it.
///
/// A shape is a type name (`string`, `number`, `bool`, `null`, `array`, `object`), an object
/// whose keys are the documented fields in the documented order (a key ending in `?` is a
/// conditional field: it may be missing, and is in that place when present), or an array of
/// shapes (the answer is a non-empty array whose every element matches one of them).
struct FidelityCorpus {
    /// One endpoint's file.
    struct Entry {
        var file: String
        var method: String
        var path: String
        var json: JSONValue
    }

    var entries: [Entry]
    var general: JSONValue

    /// The corpus directory, found from this file's place in the repository.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fidelity")

    static func load() throws -> FidelityCorpus {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
            .sorted()
        var entries: [Entry] = []
        var general: JSONValue?
        for name in names {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            let json = try JSONValue.parse(Array(data))
            if name == "general.json" {
                general = json
                continue
            }
            let endpoint = json["endpoint"]?.stringValue ?? ""
            let parts = endpoint.split(separator: " ", maxSplits: 1).map(String.init)
            entries.append(
                Entry(file: name, method: parts.first ?? "", path: parts.count > 1 ? parts[1] : "", json: json))
        }
        return FidelityCorpus(entries: entries, general: general ?? .null)
    }

    /// Where `value` departs from `shape`: empty when it matches. `place` names the value in
    /// the messages (`body.orders[0].symbol`).
    static func mismatches(_ value: JSONValue, _ shape: JSONValue, at place: String) -> [String] {
        switch shape {
        case .string(let type):
            return typeName(of: value) == type ? [] : ["\(place): \(typeName(of: value)), documented \(type)"]
        case .array(let alternatives):
            guard case .array(let elements) = value else {
                return ["\(place): \(typeName(of: value)), documented array"]
            }
            // An empty array would match any element shape and prove nothing: the corpus's
            // requests are chosen to get elements.
            guard !elements.isEmpty else { return ["\(place): empty array, the case needs elements"] }
            var found: [String] = []
            for (index, element) in elements.enumerated() {
                let tries = alternatives.map { mismatches(element, $0, at: "\(place)[\(index)]") }
                if let best = tries.min(by: { $0.count < $1.count }), !best.isEmpty { found += best }
            }
            return found
        case .object(let fields):
            guard case .object(let object) = value else { return ["\(place): \(typeName(of: value)), documented object"] }
            return objectMismatches(object, fields, at: place)
        default:
            return ["\(place): the corpus's shape is not a type name, object or array"]
        }
    }

    /// Every mandatory field present, no field the page does not list, the fields in the page's
    /// order, and each of the documented type.
    private static func objectMismatches(_ object: JSONObject, _ fields: JSONObject, at place: String) -> [String] {
        var found: [String] = []
        let documented = fields.keys.map { key in
            key.hasSuffix("?")
                ? (name: String(key.dropLast()), optional: true, shape: fields[key]!)
                : (name: key, optional: false, shape: fields[key]!)
        }
        let names = documented.map(\.name)
        for key in object.keys where !names.contains(key) { found.append("\(place).\(key): not on the page") }
        for field in documented where !field.optional && object[field.name] == nil {
            found.append("\(place).\(field.name): missing")
        }
        let order = object.keys.filter { names.contains($0) }
        let expected = names.filter { object[$0] != nil }
        if order != expected {
            found.append(
                "\(place): fields in the order \(order.joined(separator: ",")), documented \(expected.joined(separator: ","))")
        }
        for field in documented {
            if let child = object[field.name] { found += mismatches(child, field.shape, at: "\(place).\(field.name)") }
        }
        return found
    }

    static func typeName(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

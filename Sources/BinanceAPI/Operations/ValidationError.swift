/// A request that must not be sent, found before anything is signed.
///
/// Each case carries what the user needs to fix it; ``message`` is the one-line text shown
/// after `error:`, ``hint`` an optional next step.
public enum ValidationError: Error, Sendable, Hashable {
    /// A required parameter is missing.
    case missingParameter(String)
    /// The symbol is not 1–20 characters of `A-Z 0-9 - _ .` and CJK letters.
    case malformedSymbol(String)
    /// Neither `orderId` nor `origClientOrderId` was given.
    case missingOrderReference
    /// Neither `orderListId` nor `listClientOrderId` was given (an order-list cancel).
    case missingOrderListReference
    /// `recvWindow` outside 1...60000.
    case recvWindowOutOfRange(Int)
    /// A numeric id outside the exchange's range (1...Int64.max).
    case idOutOfRange(name: String, value: String)
    /// A client order id that is empty, too long, or has characters the exchange rejects.
    case malformedClientOrderId(name: String, value: String)
    /// A parameter value that is empty (the exchange rejects `name=`).
    case emptyValue(String)
    /// A limit or count outside its documented range.
    case valueOutOfRange(name: String, value: String, range: ClosedRange<Int64>)

    /// A value that is not one of the parameter's documented values (an ENUM).
    case notOneOf(name: String, value: String, choices: [String])
    /// An argument of a run-time request (`request METHOD PATH name=value …`) that cannot be
    /// sent: the argument (`method`, `path`, `weight`, or the parameter's name), why, and the fix.
    case rejectedArgument(name: String, reason: String, hint: String?)

    /// What is wrong, in one line.
    public var message: String {
        switch self {
        case .missingParameter(let name):
            return "missing required parameter '\(name)'"
        case .malformedSymbol(let symbol):
            return "malformed symbol '\(symbol)': expected 1-20 letters or digits, like LTCBTC"
        case .missingOrderReference:
            return "either orderId (id=) or origClientOrderId (cid=) must be sent"
        case .missingOrderListReference:
            return "either orderListId (listid=) or listClientOrderId (listcid=) must be sent"
        case .recvWindowOutOfRange(let value):
            return "recvWindow \(value) is out of range: it must be between 1 and 60000 ms"
        case .idOutOfRange(let name, let value):
            return "\(name) \(value) is out of range: it must be between 1 and \(Int64.max)"
        case .malformedClientOrderId(let name, let value):
            return "malformed \(name) '\(value)': expected 1-36 characters of A-Z a-z 0-9 . _ : / -"
        case .emptyValue(let name):
            return "parameter '\(name)' has an empty value"
        case .valueOutOfRange(let name, let value, let range):
            return "\(name) \(value) is out of range: it must be between \(range.lowerBound) and \(range.upperBound)"
        case .notOneOf(let name, let value, let choices):
            return "\(name) '\(TerminalText.escaped(String(value.prefix(40))))' is not one of \(choices.joined(separator: ", "))"
        case .rejectedArgument(_, let reason, _):
            return reason
        }
    }

    /// A next step for the user, when there is one.
    public var hint: String? {
        switch self {
        case .missingOrderReference:
            return "add id=ORDER_ID or cid=CLIENT_ORDER_ID"
        case .missingOrderListReference:
            return "add listid=ORDER_LIST_ID or listcid=LIST_CLIENT_ORDER_ID (an OCO's legs carry its orderListId)"
        case .recvWindowOutOfRange:
            return "the exchange caps recvWindow at 60000; fix the clock (see `time`) rather than widening it"
        case .malformedSymbol(let symbol):
            if symbol.contains(where: { $0.isASCII && $0.isLowercase }) {
                return "symbols are upper case: \(symbol.uppercased())"
            }
            if symbol.contains(where: { "/ ".contains($0) }) {
                return "symbols are written without a separator: BTCUSDT, not BTC/USDT"
            }
            return "a symbol is at most 20 characters: letters, digits, - _ ."
        case .rejectedArgument(_, _, let hint):
            return hint
        default:
            return nil
        }
    }
}

extension ValidationError: CustomStringConvertible {
    public var description: String { message }
}

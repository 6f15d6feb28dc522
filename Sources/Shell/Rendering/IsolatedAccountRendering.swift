import BinanceAPI
import Script

/// How the isolated margin accounts (`isolated-account`, GET /sapi/v1/margin/isolated/account)
/// are shown as text: the totals in BTC as `field  value` lines (the answer has them when no
/// symbols were named), then a table with a row per account and asset — the base asset's row,
/// then the quote asset's. Each account nests its two assets as records, which a table would
/// otherwise show as JSON text in one cell. JSON output keeps the whole body; this only decides
/// what a person reads.
enum IsolatedAccountRendering {
    /// The answer's totals, in this order (when present).
    static let totals = ["totalAssetOfBtc", "totalLiabilityOfBtc", "totalNetAssetOfBtc"]
    /// Each asset's columns shown by default (`interest`, with `wide`: it grows only with `borrowed`,
    /// and without it the table fits 100 columns).
    static let assetColumns = ["free", "locked", "borrowed", "netAsset"]
    /// Each account's columns shown by default, after the asset's.
    static let accountColumns = ["marginLevel", "marginLevelStatus"]

    /// Whether `record` is the isolated accounts answer: `assets`, a list of records each with a
    /// symbol and its base and quote assets as records.
    static func isIsolatedAccounts(_ record: Record) -> Bool {
        guard case .list(let accounts)? = record["assets"] else { return false }
        // An empty list proves nothing: only the answer's own fields may be beside it then.
        if accounts.isEmpty { return record.names.allSatisfy { $0 == "assets" || totals.contains($0) } }
        return accounts.allSatisfy { value in
            guard case .record(let account) = value, account["symbol"] != nil,
                case .record? = account["baseAsset"], case .record? = account["quoteAsset"]
            else { return false }
            return true
        }
    }

    /// The table's rows: for each account its base asset, then its quote asset, each row the
    /// account's symbol, the asset's fields and the account's; with `all`, every field of both.
    static func rows(_ record: Record, columns: RenderOptions.Columns) -> [Record] {
        guard case .list(let accounts)? = record["assets"] else { return [] }
        return accounts.compactMap(\.recordValue).flatMap { account -> [Record] in
            ["baseAsset", "quoteAsset"].compactMap { side -> Record? in
                guard case .record(let asset)? = account[side] else { return nil }
                var fields: [(String, Value)] = [("symbol", account["symbol"] ?? .string(""))]
                fields.append(("asset", asset["asset"] ?? .string("")))
                let assetNames = columns == .all ? asset.names.filter { $0 != "asset" } : assetColumns
                for name in assetNames { if let value = asset[name] { fields.append((name, value)) } }
                let accountNames =
                    columns == .all
                    ? account.names.filter { !["symbol", "baseAsset", "quoteAsset"].contains($0) } : accountColumns
                for name in accountNames { if let value = account[name] { fields.append((name, value)) } }
                return Record(fields)
            }
        }
    }
}

extension ValueTextRenderer {
    /// The totals (when the answer has them), then the table of accounts and assets; an answer
    /// without accounts says so.
    func renderIsolatedAccounts(_ record: Record) -> String {
        let totals = IsolatedAccountRendering.totals.compactMap { name in record[name].map { (name, $0) } }
        let header = totals.isEmpty ? nil : renderRecord(Record(totals))
        let rows = IsolatedAccountRendering.rows(record, columns: options.columns)
        let table = rows.isEmpty ? "(no isolated margin accounts)" : renderTable(rows)
        return [header, table].compactMap { $0 }.joined(separator: "\n\n")
    }
}

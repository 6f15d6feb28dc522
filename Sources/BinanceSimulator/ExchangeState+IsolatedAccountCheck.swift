extension ExchangeState {
    /// Whether `account` has an isolated margin account for `symbol`: a seeded isolated wallet
    /// (what placement checks) or isolated orders on the book (what
    /// `GET /sapi/v1/margin/isolated/account` lists; a seed file's isolated orders come without a
    /// wallet).
    func isolatedAccountExists(account: String, symbol: String) -> Bool {
        hasIsolatedAccount(account: account, symbol: symbol)
            || book(account).shelves[OrderBook.Key(symbol: symbol, isolated: true)] != nil
    }

    /// -11001 for an isolated request on a symbol without an isolated margin account: the
    /// exchange's answer to isolated requests there (code and text as clients quote it,
    /// python-binance #630, Binance.Net #1073; the docs list no error for the cancels, so that
    /// the cancels answer it too is inferred, like placement's).
    func requireIsolatedAccount(_ key: OrderBook.Key, account: String) throws(ExchangeReject) {
        if key.isolated && !isolatedAccountExists(account: account, symbol: key.symbol) { throw .noIsolatedAccount }
    }
}

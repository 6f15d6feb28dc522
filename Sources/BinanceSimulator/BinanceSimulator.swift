/// The `BinanceSimulator` layer of bnc (see DESIGN.md).
public enum BinanceSimulatorModule { public static let name = "BinanceSimulator" }

import Benchmark
import Foundation
import RotorCore
import RotorData
import RotorDemo
import RotorUI

/// The figures README's Performance section reports, as ordo-one benchmarks:
/// the analytics on ten years of 16 symbols and a 500-member universe, the update
/// after one new bar, the demo's CSV import, a 200x60 frame, and a whole snapshot.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(10), maxIterations: 200)

    let market = BenchmarkMarket().data
    let expressions = PaneRegistry.expressions()
    let demoFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples/demo").path

    Benchmark("evaluate all pane expressions (10y x 16 symbols + 500 members)") { benchmark in
        for _ in benchmark.scaledIterations {
            var evaluator = Evaluator(data: market)
            evaluator.prepare(expressions)
            for e in expressions { blackHole(try? evaluator.evaluate(e)) }
        }
    }

    Benchmark("dashboard model on the benchmark market") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(DashboardModel(data: market)) }
    }

    // One new live bar of ES: only the expressions that read ES are evaluated again.
    let model = DashboardModel(data: market)
    var next = market
    var es = next.symbols["ES"]!
    es.append(es.last!.date.adding(days: 1), es.last!.value * 1.002)
    next.symbols["ES"] = es
    Benchmark("update after one new bar of ES") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(model.updated(with: next, changed: ["ES"])) }
    }

    Benchmark("import the demo CSVs (Samples/demo)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? DataFolder.load(demoFolder)) }
    }

    let demoModel = (try? DataFolder.load(demoFolder)).map { DashboardModel(data: $0) }
    Benchmark("render a 200x60 frame") { benchmark in
        guard let demoModel else { return }
        var state = AppState(width: 200, height: 60)
        state.focus = .breadth
        for _ in benchmark.scaledIterations {
            blackHole(view(state, model: demoModel, asOf: demoModel.lastDate, mode: "REPLAY"))
        }
    }

    Benchmark("headless snapshot of the demo (load, model, frame, text)") { benchmark in
        for _ in benchmark.scaledIterations {
            guard let data = try? DataFolder.load(demoFolder) else { return }
            let m = DashboardModel(data: data)
            blackHole(view(AppState(width: 200, height: 60), model: m, asOf: m.lastDate, mode: "REPLAY").lines())
        }
    }

    // `rotor line` after its data is read: the model of only the line's expressions
    // (headlines, flags' reads) and the text (flags up, alerts stepped over the history).
    let lineReading = StatusLineReading(panes: PaneRegistry.builtins(Roles(), Thresholds()), roles: Roles())
    Benchmark("rotor line: its model and tmux text on the demo") { benchmark in
        guard let data = try? DataFolder.load(demoFolder) else { return }
        for _ in benchmark.scaledIterations {
            let m = lineReading.model(data, thresholds: Thresholds())
            blackHole(lineReading.text(m).tmux(.standard))
        }
    }

    Benchmark("rotor line: its model and tmux text (10y x 16 symbols + 500 members)") { benchmark in
        for _ in benchmark.scaledIterations {
            let m = lineReading.model(market, thresholds: Thresholds())
            blackHole(lineReading.text(m).tmux(.standard))
        }
    }
}

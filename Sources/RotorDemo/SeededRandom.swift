/// The generator's only source of randomness: a seeded, portable PRNG.
///
/// Foundation's and the standard library's random numbers are seeded from the system
/// and differ between platforms, so the demo uses its own: xoshiro256** (Blackman and
/// Vigna, 2018), seeded through SplitMix64 as its authors recommend. Each part of the
/// model draws from its own stream, so changing how many draws one part makes (say,
/// the number of breadth members) leaves every other series unchanged.

/// SplitMix64 (Steele, Lea and Flood, 2014): turns one 64-bit value into a sequence of
/// well-mixed words, used here to seed xoshiro (and by `rotor bench` for its workload).
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The independent random streams of the model. The raw values are part of the
/// committed output: renumbering a stream changes the demo data.
enum RandomStream: UInt64 {
    case volatilityRegime = 1
    case market = 2
    case rates = 3
    case impliedVol = 4
    case mag7 = 5
    case universeSetup = 6
    case universe = 7
    case bars = 8
    case impliedCorrelation = 9
    /// The NETWORK pane's cross-asset futures (ZT, CL, GC, DX) and, apart, their bars:
    /// numbered clear of the streams other additions may take.
    case crossAssets = 20
    case crossAssetBars = 21
    /// The weekly CFTC positioning (numbered by its issue, clear of other additions).
    case positioning = 17
}

/// xoshiro256**: fast, 256 bits of state, passes BigCrush.
struct SeededRandom {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64
    /// The second normal of the last polar-method pair, not yet handed out.
    private var spareNormal: Double?

    init(seed: UInt64, stream: RandomStream) {
        // Mix the stream number first so that neighbouring (seed, stream) pairs do not
        // start from overlapping SplitMix64 sequences.
        var streamMixer = SplitMix64(seed: stream.rawValue)
        var seeder = SplitMix64(seed: seed ^ streamMixer.next())
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
    }

    /// Starts from a raw state (the reference test vectors use {1, 2, 3, 4}).
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// Uniform in [0, 1), 53 random bits.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [lower, upper).
    mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * uniform()
    }

    /// Uniform integer in 0..<n.
    mutating func integer(below n: Int) -> Int {
        precondition(n > 0)
        // Modulo of 53 random bits: the bias, below n / 2^53, is irrelevant here.
        return Int(truncatingIfNeeded: (next() >> 11) % UInt64(n))
    }

    /// Standard normal, by Marsaglia's polar method (log and sqrt only, no trigonometry).
    mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            guard s > 0, s < 1 else { continue }
            let factor = (-2 * DeterministicMath.log(s) / s).squareRoot()
            spareNormal = v * factor
            return u * factor
        }
    }

    /// Student-t with `degrees` (> 2, integer) degrees of freedom, scaled to unit
    /// variance and clipped to +-`cap`: the fat-tailed shock of every daily move.
    mutating func studentT(degrees: Int, cap: Double) -> Double {
        let t = studentT(degrees: degrees)
        return min(cap, max(-cap, t))
    }

    /// Student-t with `degrees` (> 2, integer) degrees of freedom, scaled to unit
    /// variance.
    mutating func studentT(degrees: Int) -> Double {
        precondition(degrees > 2)
        let z = normal()
        var chiSquare = 0.0
        for _ in 0..<degrees {
            let n = normal()
            chiSquare += n * n
        }
        let nu = Double(degrees)
        return z / (chiSquare / nu).squareRoot() * ((nu - 2) / nu).squareRoot()
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using DeZero.GradBench.Modules;

namespace DeZero.GradBench.Protocol;

/// <summary>How often to run a function: at least <see cref="MinRuns"/> times and until <see cref="MinSeconds"/> have been spent in it.</summary>
internal readonly record struct Runs(int MinRuns, double MinSeconds)
{
    /// <summary>
    /// The input's <c>min_runs</c> and <c>min_seconds</c>, 1 and 1.0 where an object input lacks them. An input that is
    /// not an object (<c>hello</c>'s bare number) runs once, as GradBench's own tools run it.
    /// </summary>
    public static Runs From(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            return new Runs(1, 0);
        }

        int minRuns = 1;
        if (input.TryGetProperty("min_runs", out JsonElement runs))
        {
            minRuns = runs.ValueKind == JsonValueKind.Number && runs.TryGetInt32(out int value) && value >= 0
                ? value
                : throw new InputException($"input.min_runs: expected a non-negative integer, got {Describe(runs)}");
        }

        double minSeconds = 1.0;
        if (input.TryGetProperty("min_seconds", out JsonElement seconds))
        {
            minSeconds = seconds.ValueKind == JsonValueKind.Number && seconds.GetDouble() >= 0
                ? seconds.GetDouble()
                : throw new InputException($"input.min_seconds: expected a non-negative number, got {Describe(seconds)}");
        }

        return new Runs(minRuns, minSeconds);
    }

    /// <summary>
    /// Runs <paramref name="call"/> while fewer than <see cref="MinRuns"/> runs or <see cref="MinSeconds"/> are done,
    /// and at least once (the response needs an output), timing each run alone.
    /// </summary>
    public List<long> Time(PreparedCall call)
    {
        var nanoseconds = new List<long>();
        double nanosecondsPerTick = 1e9 / Stopwatch.Frequency;
        double elapsedSeconds = 0;
        do
        {
            long start = Stopwatch.GetTimestamp();
            call.Run();
            long end = Stopwatch.GetTimestamp();
            long taken = (long)Math.Round((end - start) * nanosecondsPerTick);
            nanoseconds.Add(taken);
            elapsedSeconds += taken / 1e9;
        }
        while (nanoseconds.Count < MinRuns || elapsedSeconds < MinSeconds);

        return nanoseconds;
    }

    private static string Describe(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetRawText() : JsonInput.Describe(value);
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeZero.GradBench.Modules;
using DeZero.GradBench.Protocol;

namespace DeZero.GradBench.Bench;

/// <summary>
/// <c>bench</c>: every eval on GradBench's default workloads, scored as GradBench scores a tool (the median
/// <c>evaluate</c> timing of the derivative message over that of the primal message on the same input), with
/// GradBench's C++ reference binaries beside ours when their folder is given.
/// </summary>
internal static class BenchDriver
{
    private const string Usage =
        "usage: bench [--reference DIR] [--min-seconds S] [--min-runs N] [--eval NAME]... [--more]\n"
        + "  --reference DIR   GradBench's C++ binaries built by hand (one per eval, named by it, taking FILE FUNCTION)\n"
        + "  --min-seconds S   as GradBench's --min-seconds (default 1)\n"
        + "  --min-runs N      as GradBench's --min-runs (default 1)\n"
        + "  --eval NAME       only this eval (repeatable)\n"
        + "  --more            larger default workloads too";

    /// <summary>Runs the benchmark and prints its table to standard output; progress goes to <paramref name="log"/>.</summary>
    public static int Run(ReadOnlySpan<string> args, TextWriter log)
    {
        string? reference = null;
        double minSeconds = 1;
        int minRuns = 1;
        bool more = false;
        var evals = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--reference" when value is not null: reference = value; i++; break;
                case "--min-seconds" when value is not null: minSeconds = double.Parse(value, CultureInfo.InvariantCulture); i++; break;
                case "--min-runs" when value is not null: minRuns = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                case "--eval" when value is not null: evals.Add(value); i++; break;
                case "--more": more = true; break;
                default: log.WriteLine(Usage); return 2;
            }
        }

        if (reference is null)
        {
            Console.WriteLine("No GradBench reference binaries given (--reference DIR): printing DeZero's timings only.");
        }
        else if (!Directory.Exists(reference))
        {
            log.WriteLine($"bench: no folder {reference}");
            return 2;
        }

        Console.WriteLine($"min_runs={minRuns} min_seconds={minSeconds}; times are medians of the evaluate timings, in ms.");
        Console.WriteLine(Row("eval", "workload", "primal", "derivative", "ratio", "ref primal", "ref deriv.", "ref ratio", "primal/ref"));
        var session = new Session(TextReader.Null, Stream.Null, log);
        var defined = new HashSet<string>();
        int id = 0;
        foreach (Workload workload in Workloads.Defaults(more).Where(w => evals.Count == 0 || evals.Contains(w.Eval)))
        {
            Module module = ModuleCatalog.Find(workload.Eval)!;
            if (defined.Add(workload.Eval))
            {
                session.Respond(Message(id++, "define", workload.Eval, null, null));
            }

            log.WriteLine($"bench: {workload.Eval} {workload.Description}");
            string input = WithRuns(workload.InputJson, minRuns, minSeconds);
            string primalFunction = module.Functions[0];
            string derivativeFunction = module.Functions[1];
            Measure primal = Ours(session, id++, workload.Eval, primalFunction, input);
            Measure derivative = Ours(session, id++, workload.Eval, derivativeFunction, input);

            Measure referencePrimal = Measure.None, referenceDerivative = Measure.None;
            if (reference is not null)
            {
                referencePrimal = Reference(reference, workload.Eval, primalFunction, input, log);
                referenceDerivative = Reference(reference, workload.Eval, derivativeFunction, input, log);
            }

            Console.WriteLine(Row(
                workload.Eval,
                workload.Description,
                primal.Text,
                derivative.Text,
                Ratio(derivative, primal),
                referencePrimal.Text,
                referenceDerivative.Text,
                Ratio(referenceDerivative, referencePrimal),
                Ratio(primal, referencePrimal)));
        }

        return 0;
    }

    private static Measure Ours(Session session, int id, string eval, string function, string input)
    {
        using JsonDocument response = JsonDocument.Parse(session.Respond(Message(id, "evaluate", eval, function, input)));
        JsonElement root = response.RootElement;
        if (!root.GetProperty("success").GetBoolean())
        {
            return new Measure(null, "failed: " + root.GetProperty("error").GetString());
        }

        return Measure.Of(root.GetProperty("timings").EnumerateArray()
            .Where(t => t.GetProperty("name").GetString() == "evaluate")
            .Select(t => t.GetProperty("nanoseconds").GetInt64()));
    }

    // GradBench's C++ tools take the input file and the function name, and print the output on the first line, then
    // one JSON timing per line.
    private static Measure Reference(string folder, string eval, string function, string input, TextWriter log)
    {
        string binary = Path.Combine(folder, eval);
        if (!File.Exists(binary))
        {
            return new Measure(null, "no binary");
        }

        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, input);
            var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(file);
            start.ArgumentList.Add(function);
            using Process process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                log.WriteLine($"bench: {binary} {function} exited with {process.ExitCode}: {error.Result}");
                return new Measure(null, "failed");
            }

            return Measure.Of(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(line => JsonNode.Parse(line)!)
                .Where(t => (string?)t["name"] == "evaluate")
                .Select(t => (long)t["nanoseconds"]!));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string WithRuns(string inputJson, int minRuns, double minSeconds) =>
        inputJson[..^1] + FormattableString.Invariant($",\"min_runs\":{minRuns},\"min_seconds\":{minSeconds}}}");

    private static string Message(int id, string kind, string module, string? function, string? input) =>
        function is null
            ? $$"""{"id":{{id}},"kind":"{{kind}}","module":"{{module}}"}"""
            : $$"""{"id":{{id}},"kind":"{{kind}}","module":"{{module}}","function":"{{function}}","input":{{input}}}""";

    private static string Ratio(Measure numerator, Measure denominator) =>
        numerator.Median is { } n && denominator.Median is { } d && d > 0 ? (n / d).ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Row(params string[] cells)
    {
        int[] widths = [5, 18, 12, 28, 7, 12, 12, 9, 10];
        return string.Join(" ", cells.Select((cell, i) => i < 2 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i])));
    }

    private sealed record Measure(double? Median, string Text)
    {
        public static readonly Measure None = new(null, "-");

        public static Measure Of(IEnumerable<long> nanoseconds)
        {
            long[] sorted = nanoseconds.Order().ToArray();
            if (sorted.Length == 0)
            {
                return new Measure(null, "no timing");
            }

            double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;
            return new Measure(median, (median / 1e6).ToString(median < 1e6 ? "0.0000" : "0.000", CultureInfo.InvariantCulture));
        }
    }
}

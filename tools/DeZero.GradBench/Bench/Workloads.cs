using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace DeZero.GradBench.Bench;

/// <summary>One eval's input at one of GradBench's default sizes, as its eval would send it (without the run counts).</summary>
internal sealed record Workload(string Eval, string Description, string InputJson);

/// <summary>
/// Inputs of GradBench's default workloads, in its evals' shapes and distributions (uniform [0, 1) or standard normal
/// where its eval draws them), from our own seeded generator: the same sizes, not the same numbers.
/// </summary>
internal static class Workloads
{
    /// <summary>The smallest defaults of each eval, which fit a 2-core machine in reasonable time; <paramref name="more"/> adds larger ones.</summary>
    public static IEnumerable<Workload> Defaults(bool more)
    {
        var random = new Random(31337);
        foreach (int n in more ? new[] { 2_500, 100_000, 1_280_000 } : [100_000])
        {
            yield return new("lse", $"n={n}", Write(w => Vector(w, "x", Uniform(random, n))));
        }

        foreach (int n in more ? new[] { 128, 1_024, 4_096 } : [1_024])
        {
            yield return new("llsq", $"n={n},m=128", Write(w => { Vector(w, "x", Uniform(random, 128)); w.WriteNumber("n", n); }));
        }

        foreach (int ell in more ? new[] { 6, 8, 10 } : [8])
        {
            yield return new("det", $"ell={ell}", Write(w => { Vector(w, "A", Uniform(random, ell * ell)); w.WriteNumber("ell", ell); }));
        }

        foreach ((int n, int s) in more ? new[] { (1_000, 10), (1_000, 100), (10_000, 10) } : [(1_000, 10)])
        {
            yield return new("ode", $"n={n},s={s}", Write(w => { Vector(w, "x", Uniform(random, n)); w.WriteNumber("s", s); }));
        }

        foreach ((int d, int k) in more ? new[] { (2, 5), (10, 25), (20, 50), (64, 100) } : [(2, 5), (10, 25)])
        {
            yield return new("gmm", $"d={d},k={k},n=1000", Gmm(random, d, k, 1000));
        }

        foreach ((int l, int c) in more ? new[] { (2, 1_024), (2, 4_096), (4, 4_096) } : [(2, 1_024)])
        {
            yield return new("lstm", $"l={l},c={c}", Lstm(random, l, c));
        }
    }

    private static string Gmm(Random random, int d, int k, int n) => Write(w =>
    {
        w.WriteNumber("d", d);
        w.WriteNumber("k", k);
        w.WriteNumber("n", n);
        Rows(w, "x", n, () => Normal(random, d));
        w.WriteNumber("m", 0);
        w.WriteNumber("gamma", 1.0);
        Vector(w, "alpha", Normal(random, k));
        Rows(w, "mu", k, () => Uniform(random, d));
        Rows(w, "q", k, () => Normal(random, d));
        Rows(w, "l", k, () => Normal(random, d * (d - 1) / 2));
    });

    // GradBench encodes the first c characters of an English text, each as its char_bits-bit code (7 for ASCII text
    // with lower-case letters); the text itself is not in the repository snapshot here, so the characters are drawn from
    // lower-case letters, space and a few punctuation marks.
    private static string Lstm(Random random, int l, int c) => Write(w =>
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz     ,.";
        const int bits = 7;
        Rows(w, "main_params", 2 * l, () => Uniform(random, 4 * bits));
        Rows(w, "extra_params", 3, () => Uniform(random, bits));
        Rows(w, "state", 2 * l, () => Uniform(random, bits));
        Rows(w, "sequence", c, () =>
        {
            char ch = alphabet[random.Next(alphabet.Length)];
            var code = new double[bits];
            for (int bit = 0; bit < bits; bit++)
            {
                code[bit] = (ch >> (bits - 1 - bit)) & 1;
            }

            return code;
        });
    });

    private static double[] Uniform(Random random, int n)
    {
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = random.NextDouble();
        }

        return values;
    }

    // Box-Muller.
    private static double[] Normal(Random random, int n)
    {
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        }

        return values;
    }

    private static void Vector(Utf8JsonWriter writer, string name, double[] values)
    {
        writer.WriteStartArray(name);
        foreach (double value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static void Rows(Utf8JsonWriter writer, string name, int rows, Func<double[]> row)
    {
        writer.WriteStartArray(name);
        for (int i = 0; i < rows; i++)
        {
            writer.WriteStartArray();
            foreach (double value in row())
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static string Write(Action<Utf8JsonWriter> members)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

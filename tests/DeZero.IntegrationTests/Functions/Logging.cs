using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace DeZero.IntegrationTests.Functions;

/// <summary>Debug.Assert and calls to void methods for logging: run as written, never differentiated.</summary>
public static partial class Logging
{
    [Differentiable]
    public static double Logged(double x, int n)
    {
        Debug.Assert(x > 0);
        double y = x * x;
        Sink.Write($"y = {y:F3}, n = {n}");
        Sink.Write("y + n", y + n, nameof(x));
        Sink.Current.Write(y);
        Sink.Values("values", y, n, Math.Sin(x));
        Sink.Write(string.Format(CultureInfo.InvariantCulture, "{0:R} {1}", x, n));
        Console.Out.Flush();
        return y * n;
    }

    /// <summary>Logging inside a loop and a branch, its arguments with effects of their own.</summary>
    [Differentiable]
    public static double LoggedLoop(double x, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            s = s * x + 1;
            if (i % 2 == 0)
            {
                Sink.Write($"i = {i}, s = {s:R}, next = {i + 1}");
            }
        }

        Debug.Assert(s >= 0, $"s = {s}");
        return s;
    }
}

/// <summary>Where the logging methods write: one list per thread, so tests that run in parallel do not mix their lines.</summary>
public static class Sink
{
    [ThreadStatic]
    private static List<string>? t_lines;

    public static List<string> Lines => t_lines ??= [];

    /// <summary>A static property whose instance method is called: <c>Sink.Current.Write(y)</c>.</summary>
    public static Writer Current { get; } = new();

    public static void Write(string line) => Lines.Add(line);

    public static void Write(string label, double value, string name, [CallerLineNumber] int line = 0, [CallerArgumentExpression(nameof(value))] string? expression = null) =>
        Lines.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: {value:R} ({name}, line {line}, {expression})"));

    public static void Values(string label, params double[] values) =>
        Lines.Add(label + ": " + string.Join(", ", Array.ConvertAll(values, v => v.ToString("R", CultureInfo.InvariantCulture))));

    public sealed class Writer
    {
        public void Write(double value) => Lines.Add("current: " + value.ToString("R", CultureInfo.InvariantCulture));
    }
}

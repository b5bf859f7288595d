using System;
using System.Collections.Generic;
using System.Diagnostics;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>Calls for logging and Debug.Assert run in the generated members exactly as in the method.</summary>
public sealed class LoggingTests
{
    [Fact]
    public void Logged_SeveralPoints_MatchesClosedForm() =>
        // n x²: 2 n x.
        Gradients.Check1(x => Logging.Logged(x, 3), x => Logging.LoggedWithGradient(x, 3), x => Logging.Logged(x, 3),
            x => 6 * x,
            [0.5, 1.5, 4]);

    [Fact]
    public void Logged_WithGradientAndGraph_WriteWhatTheMethodWrites()
    {
        var expected = LinesOf(() => Logging.Logged(1.5, 2));
        Assert.Equal(
            [
                "y = 2.250, n = 2",
                "y + n: 4.25 (x, line 18, y + n)",
                "current: 2.25",
                "values: 2.25, 2, " + Math.Sin(1.5).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                "1.5 2",
            ],
            expected);
        Assert.Equal(expected, LinesOf(() => Logging.LoggedWithGradient(1.5, 2)));

        // The node runs the method forwards and its value and gradient backwards: the same lines, twice.
        var graph = LinesOf(() => Logging.Logged(new Variable(1.5), 2).Backward());
        Assert.Equal([.. expected, .. expected], graph);
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(0.5, 4)]
    [InlineData(-2.0, 5)]
    public void LoggedLoop_WithGradient_WritesWhatTheMethodWritesAndMatchesClosedForm(double x, int n)
    {
        var expected = LinesOf(() => Logging.LoggedLoop(x, n));
        Assert.Equal(expected, LinesOf(() => Logging.LoggedLoopWithGradient(x, n)));
        Assert.Equal((n + 1) / 2, expected.Count);

        // s = 1 + x + … + x^(n-1): Σ i x^(i-1).
        double derivative = 0;
        for (var i = 1; i < n; i++)
        {
            derivative += i * Math.Pow(x, i - 1);
        }

        Gradients.AssertClose(derivative, Logging.LoggedLoopWithGradient(x, n).DX, Gradients.ClosedFormTolerance, "d/dx");
    }

    [Fact]
    public void DebugAssert_Failing_GeneratedMembersFailWithTheMethodsOwnMessage()
    {
        // Debug.Assert(x > 0) takes "x > 0" as its message from [CallerArgumentExpression]: the generated call passes it on,
        // rather than the text of its own argument. (Without DEBUG, neither asserts, and both messages are null.)
        Assert.Equal(AssertMessage(() => Logging.Logged(-1, 2)), AssertMessage(() => Logging.LoggedWithGradient(-1, 2)));
        Assert.Equal(AssertMessage(() => Logging.LoggedLoop(-1, 3)), AssertMessage(() => Logging.LoggedLoopWithGradient(-1, 3)));
#if DEBUG
        Assert.Equal("x > 0", AssertMessage(() => Logging.LoggedWithGradient(-1, 2)));
        Assert.Equal("s = -1", AssertMessage(() => Logging.LoggedLoopWithGradient(-2, 2)) is { } m ? m[..6] : null);
#endif
    }

    private static List<string> LinesOf(Action action)
    {
        Sink.Lines.Clear();
        action();
        var lines = new List<string>(Sink.Lines);
        Sink.Lines.Clear();
        return lines;
    }

    /// <summary>The message of the first failing Debug.Assert, caught by a trace listener (Debug routes failures to them).</summary>
    private static string? AssertMessage(Action action)
    {
        var listeners = Trace.Listeners;
        lock (listeners)
        {
            var saved = new TraceListener[listeners.Count];
            listeners.CopyTo(saved, 0);
            listeners.Clear();
            listeners.Add(new Catching());
            try
            {
                action();
                return null;
            }
            catch (AssertFailed failed)
            {
                return failed.Message;
            }
            finally
            {
                listeners.Clear();
                listeners.AddRange(saved);
                Sink.Lines.Clear();
            }
        }
    }

    private sealed class Catching : TraceListener
    {
        public override void Write(string? message)
        {
        }

        public override void WriteLine(string? message)
        {
        }

        public override void Fail(string? message, string? detailMessage) => throw new AssertFailed(message ?? string.Empty);
    }

    private sealed class AssertFailed(string message) : Exception(message);
}

using System;

namespace DeZero.Generators.Tests.Infrastructure;

/// <summary>The numerical oracle both property tests compare generated derivatives with.</summary>
internal static class CentralDifference
{
    /// <summary>
    /// The derivative of <paramref name="f"/> (a function of the offset from the point) by central differences at two
    /// step sizes, with the tolerance its rounding allows; null where they cannot resolve it: a kink, a jump (a branch or
    /// a trip count changing with the point), a pole, a value not finite, an oscillation faster than the step, or a
    /// value rounded coarser than the step.
    /// </summary>
    /// <param name="at">The coordinate being moved, which scales the step.</param>
    public static (double Value, double Tolerance)? Of(Func<double, double> f, double at)
    {
        var h = 1e-6 * Math.Max(1, Math.Abs(at));
        var f0 = f(0);
        double Diff(double step) => (f(step) - f(-step)) / (2 * step);
        var coarse = Diff(2 * h);
        var fine = Diff(h);
        if (!double.IsFinite(f0) || !double.IsFinite(coarse) || !double.IsFinite(fine) || Math.Abs(f0) > 1e8)
        {
            return null;
        }

        // A value rounded coarser than the step (large intermediates cancelled: array batch 39's 8536.419921875, to
        // 1/512) does not move at all within it, though a step a hundred times larger moves it: the step cannot see the slope.
        if (f(h) == f0 && f(-h) == f0 && (f(100 * h) != f0 || f(-100 * h) != f0))
        {
            return null;
        }

        // Rounding error of a central difference is about eps * |f| / h; truncation shows up as coarse - fine.
        var rounding = 64 * Math.ScaleB(1, -52) * Math.Max(1, Math.Abs(f0)) / h;
        var tolerance = 1e-6 + rounding;
        // Both checks are relative to the derivative, as the comparison is: with an absolute floor of 1 they let a
        // body oscillating faster than the step (Sin(400x²), Sin(e^(18/x²))) through with a small, wrong estimate.
        if (Math.Abs(coarse - fine) > 1e-5 * Math.Abs(fine) + tolerance)
        {
            return null;
        }

        // A jump or a kink inside the step (|t| at 0, a tie in Max) is symmetric, so central differences agree across
        // it; one-sided ones do not.
        var forward = (f(h) - f0) / h;
        var backward = (f0 - f(-h)) / h;
        if (Math.Abs(forward - backward) > 1e-3 * Math.Abs(fine) + 10 * tolerance)
        {
            return null;
        }

        // A small oscillation faster than the step (Sin of a huge, fast-growing value inside a slowly varying body)
        // averages out of every difference above, consistently and wrongly. A step a thousand times finer resolves it;
        // its rounding error is a thousand times larger, so it is only a coarse check.
        var tiny = h * 1e-3;
        var resolved = (f(tiny) - f(-tiny)) / (2 * tiny);
        if (Math.Abs(resolved - fine) > 0.05 * Math.Abs(fine) + 4 * Math.ScaleB(1, -52) * Math.Max(1, Math.Abs(f0)) / tiny)
        {
            return null;
        }

        return (fine, tolerance);
    }
}

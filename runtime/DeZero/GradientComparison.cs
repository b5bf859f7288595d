using System.Globalization;

namespace DeZero;

/// <summary>The worst element of a gradient check: where backprop and central differences disagree most.</summary>
/// <param name="Passed">Whether every element is within tolerance (numpy's <c>allclose</c>: |numerical - backprop| &lt;= atol + rtol * |backprop|).</param>
/// <param name="Input">The index of the input holding the worst element, or -1 when there were no elements.</param>
/// <param name="Index">The flat, row-major index of the worst element in that input.</param>
/// <param name="Numerical">The central-difference gradient there.</param>
/// <param name="Backprop">The backpropagated gradient there.</param>
/// <param name="Excess">How far the difference exceeds the tolerance there (negative when within it, NaN when either is NaN).</param>
public sealed record GradientComparison(bool Passed, int Input, int Index, double Numerical, double Backprop, double Excess)
{
    internal static GradientComparison Empty { get; } = new(true, -1, -1, 0.0, 0.0, double.NegativeInfinity);

    internal static GradientComparison For(int input, int index, double numerical, double backprop, double rtol, double atol)
    {
        var excess = System.Math.Abs(numerical - backprop) - (atol + (rtol * System.Math.Abs(backprop)));

        // allclose treats equal infinities as close; their difference would otherwise be NaN.
        if (double.IsInfinity(numerical) && numerical == backprop)
        {
            excess = double.NegativeInfinity;
        }

        return new GradientComparison(excess <= 0, input, index, numerical, backprop, excess);
    }

    /// <summary>A one-line summary naming the worst element.</summary>
    public override string ToString() =>
        Input < 0
            ? "No elements to compare."
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{(Passed ? "Passed" : "Failed")}: worst at input {Input}, element {Index}: numerical {FloatText.PythonRepr(Numerical)}, backprop {FloatText.PythonRepr(Backprop)}.");
}

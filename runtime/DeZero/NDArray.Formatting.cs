namespace DeZero;

// Printing follows the seed's Python: a 0-d array prints as a Python float, anything else as numpy's str().
public sealed partial class NDArray
{
    /// <summary>A 0-d array as Python prints a float (<c>100.0</c>, <c>1e-05</c>); otherwise numpy's <c>str()</c> (<c>[1. 2. 3.]</c>).</summary>
    public override string ToString() =>
        Rank == 0 ? FloatText.PythonRepr(AsSpan()[0]) : ArrayText.Format(AsSpan(), _shape);
}

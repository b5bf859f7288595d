using DeZero;

namespace DeZero.Samples;

/// <summary>y = eˣ, written as the seed writes <c>class Exp(Function)</c> in step 6.</summary>
internal sealed class Exp : Function
{
    public override NDArray Forward(NDArray x) => NDArray.Exp(x);

    public override NDArray Backward(NDArray gy)
    {
        var x = Input.Data;
        var gx = NDArray.Exp(x) * gy;
        return gx;
    }
}

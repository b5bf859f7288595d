using DeZero;

namespace DeZero.Samples;

/// <summary>y = x², written as the seed writes <c>class Square(Function)</c> in step 6.</summary>
internal sealed class Square : Function
{
    public override NDArray Forward(NDArray x) => x * x;

    public override NDArray Backward(NDArray gy)
    {
        var x = Input.Data;
        var gx = 2 * x * gy;
        return gx;
    }
}

using System.Globalization;
using DeZero;

// f(x) = x³ at 2: f = 8, f' = 12, once through the graph node the generator wrote and once through …WithGradient.
var x = new Variable(2.0, "x");
var y = Cubes.Cube(x);
y.Backward();
Console.WriteLine($"graph: f(2) = {y.Data}, f'(2) = {x.Grad}");

var (value, dx) = Cubes.CubeWithGradient(2.0);
Console.WriteLine($"WithGradient: f(2) = {value.ToString("R", CultureInfo.InvariantCulture)}, f'(2) = {dx.ToString("R", CultureInfo.InvariantCulture)}");

Function node = new Cubes.CubeFunction();
Console.WriteLine($"node: {node.GetType().Name}");

internal static partial class Cubes
{
    [Differentiable]
    public static double Cube(double x) => x * x * x;
}

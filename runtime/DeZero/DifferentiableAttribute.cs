using System;

namespace DeZero;

/// <summary>
/// Marks a static method whose derivative the DeZero source generator writes: it emits a graph node
/// (<c>…Function</c>), an overload taking <see cref="Variable"/>s, and a graph-free <c>…WithGradient</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
}

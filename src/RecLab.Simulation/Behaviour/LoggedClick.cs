namespace RecLab.Simulation.Behaviour;

/// <summary>A click logged during a simulation, weighted as the world's implicit view weighs clicks, likes and purchases.</summary>
/// <param name="User">The user.</param>
/// <param name="Item">The item clicked.</param>
/// <param name="Value">Click weight plus like and purchase weights when they followed.</param>
/// <param name="Day">The simulated day (world days: the historical log covers 0 to Days − 1).</param>
internal readonly record struct LoggedClick(int User, int Item, float Value, int Day);

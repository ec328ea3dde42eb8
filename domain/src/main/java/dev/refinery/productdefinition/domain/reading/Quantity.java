package dev.refinery.productdefinition.domain.reading;

/**
 * A number with its unit as a request states it: {@code text} is the request's own words for the
 * target ("within 10 seconds for 50,000 invoices"), {@code value} the number in the dimension's
 * base unit (seconds, bytes, percent, the counted thing), so "10 s" and "10 seconds" are the same
 * value.
 */
public record Quantity(Dimension dimension, double value, String unit, String text) {

  /**
   * What a number measures: two numbers contradict each other only within a dimension (and unit,
   * for counts).
   */
  public enum Dimension {
    TIME("Performance", "time to complete"),
    SIZE("Capacity", "data size"),
    COUNT("Volume", "how many it handles"),
    PERCENT("Quality", "share in percent"),
    MONEY("Cost", "amount of money"),
    DATE("Schedule", "date");

    private final String category;
    private final String metric;

    Dimension(String category, String metric) {
      this.category = category;
      this.metric = metric;
    }

    /** The non-functional requirement category a target in this dimension belongs to. */
    public String category() {
      return category;
    }

    public String metric() {
      return metric;
    }
  }

  /** Whether the two state the same kind of thing (a count of invoices is not a count of users). */
  public boolean comparableTo(Quantity other) {
    return dimension == other.dimension
        && (dimension != Dimension.COUNT || unit.equals(other.unit));
  }

  /** Whether the two give the same number for the same kind of thing. */
  public boolean sameAs(Quantity other) {
    return comparableTo(other)
        && Math.abs(value - other.value) <= 1e-9 * Math.max(1, Math.abs(value));
  }
}

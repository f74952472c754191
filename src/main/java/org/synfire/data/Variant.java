package org.synfire.data;

/** Input preprocessing variants of the authors' code (docs/datasets.md#variants-and-binarisation). */
public enum Variant {
    /** crop 4, then bilinear 20 -> 10: 100 inputs. */
    MNIST10("mnist", 4, 10),
    /** crop 4: 400 inputs; the paper's network. */
    MNIST20("mnist", 4, 20),
    /** no crop: 784 inputs. */
    MNIST28("mnist", 0, 28),
    /** Fashion-MNIST, no crop: 784 inputs. */
    FMNIST28("fashion-mnist", 0, 28);

    public final String dataset;
    public final int crop;
    public final int side;

    Variant(String dataset, int crop, int side) {
        this.dataset = dataset;
        this.crop = crop;
        this.side = side;
    }

    public int inputs() {
        return side * side;
    }

    /** The CLI spelling: mnist10, mnist20, mnist28, fmnist28. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The variant with this CLI spelling (any case). */
    public static Variant parse(String name) {
        for (Variant v : values()) if (v.cliName().equalsIgnoreCase(name.strip())) return v;
        StringBuilder names = new StringBuilder();
        for (Variant v : values()) names.append(names.isEmpty() ? "" : ", ").append(v.cliName());
        throw new org.synfire.UserError("unknown variant '" + name + "' (use one of " + names + ")");
    }
}

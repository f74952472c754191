package org.synfire.energy;

/**
 * How cores sit on the chip's mesh: {@code coresPerTile} cores share a tile (and its router); tiles form
 * a grid {@code tilesX} wide (east-west) and {@code tilesY} high (north-south). Core c is on tile
 * c / coresPerTile, at column tile % tilesX and row tile / tilesX. Messages use dimension-order routing,
 * so a message from tile a to tile b crosses |Δcolumn| east-west hops and |Δrow| north-south hops.
 * Cores beyond one chip continue the rows downwards (a crude stand-in for a multi-chip board).
 *
 * @param hostCore where spikes of off-chip spike generators enter the mesh (hops are counted from its tile)
 */
public record MeshLayout(int coresPerTile, int tilesX, int tilesY, int hostCore) {

    /** Loihi 1 as in SANA-FE's {@code arch/loihi.yaml}: 4 cores per tile, 8 × 4 tiles; generator spikes enter at tile (0, 0). */
    public static final MeshLayout LOIHI1 = new MeshLayout(4, 8, 4, 0);

    public MeshLayout {
        if (coresPerTile < 1 || tilesX < 1 || tilesY < 1 || hostCore < 0) {
            throw new IllegalArgumentException("bad mesh layout: " + coresPerTile + " cores per tile, " + tilesX + " x " + tilesY + " tiles, host core " + hostCore);
        }
    }

    public int tile(int core) {
        return core / coresPerTile;
    }

    /** East-west hops between the tiles of two cores. */
    public int hopsEastWest(int fromCore, int toCore) {
        return Math.abs(tile(fromCore) % tilesX - tile(toCore) % tilesX);
    }

    /** North-south hops between the tiles of two cores. */
    public int hopsNorthSouth(int fromCore, int toCore) {
        return Math.abs(tile(fromCore) / tilesX - tile(toCore) / tilesX);
    }
}

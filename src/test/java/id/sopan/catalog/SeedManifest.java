package id.sopan.catalog;

import id.sopan.sop.ServiceType;

import java.util.List;

/**
 * Which SOP each of the 48 tables of the seed annex is, in the order the tables appear. Codes follow the
 * annex's own title lists (Daftar SOP) where it has them, so a table missing from the seed keeps its
 * number free (PRG-10, UMM-10).
 */
final class SeedManifest {

    record Entry(String code, String title, boolean titleInferred, ServiceType type) {
    }

    private static final ServiceType SEK = ServiceType.KESEKRETARIATAN;
    private static final ServiceType REN = ServiceType.PERENCANAAN;
    private static final ServiceType EVA = ServiceType.EVALUASI_DAN_PELAPORAN;
    private static final ServiceType KEL = ServiceType.KELEMBAGAAN_KOPERASI;
    private static final ServiceType PKO = ServiceType.PEMBERDAYAAN_KOPERASI;
    private static final ServiceType UKM = ServiceType.PEMBERDAYAAN_UKM;

    static final List<Entry> TABLES = List.of(
            new Entry("KEU-01", "Pembuatan Surat Permintaan Pembayaran (SPP)", true, SEK),
            new Entry("KEU-02", "Pembuatan Surat Perintah Membayar (SPM)", true, SEK),
            new Entry("KEU-03", "Pencairan Dana (SP2D) dan Pertanggungjawaban Kegiatan Bidang", true, SEK),
            new Entry("KEU-04", "Penyusunan Surat Pertanggungjawaban (SPJ) Pengeluaran", true, SEK),
            new Entry("KEU-05", "Penyusunan Rencana Kerja Anggaran (RKA) SKPD", true, SEK),
            new Entry("KEU-06", "Penyusunan Dokumen Pelaksanaan Anggaran (DPA) SKPD", true, SEK),
            new Entry("KEU-07", "Penyusunan Laporan Keuangan Dinas", true, SEK),
            new Entry("PRG-01", "Penyusunan Renstra Dinas", false, REN),
            new Entry("PRG-02", "Penyusunan Rencana Kinerja Dinas", false, REN),
            new Entry("PRG-03", "Penyusunan Penetapan Kinerja Dinas", false, REN),
            new Entry("PRG-04", "Penyusunan Program Kerja Dinas", false, REN),
            new Entry("PRG-05", "Penyusunan Evaluasi Kinerja Dinas", false, EVA),
            new Entry("PRG-06", "Penyusunan Laporan Keterangan Pertanggungjawaban (LKPJ) Dinas", false, EVA),
            new Entry("PRG-07", "Penyusunan Laporan Penyelenggaraan Pemerintahan Daerah (LPPD) Dinas", false, EVA),
            new Entry("PRG-08", "Penyusunan Laporan Akuntabilitas Kinerja Instansi Pemerintah (LAKIP) Dinas", false, EVA),
            new Entry("PRG-09", "Penyusunan Rekap Laporan Keterangan Pertanggung Jawaban (LKPJ) Dinas", false, EVA),
            new Entry("PRG-11", "Penyusunan Laporan Serah Terima Kegiatan Akhir Tahun Dinas", false, EVA),
            new Entry("PRG-12", "Penyusunan Laporan Triwulan Dinas", false, EVA),
            new Entry("UMM-01", "Pengagendaan Surat Masuk", false, SEK),
            new Entry("UMM-02", "Penomoran Surat Keluar", false, SEK),
            new Entry("UMM-03", "Pembuatan Absensi Apel", false, SEK),
            new Entry("UMM-04", "Pembuatan Absensi Daftar Hadir", false, SEK),
            new Entry("UMM-05", "Pembuatan Usulan Permohonan Cuti Bersalin", false, SEK),
            new Entry("UMM-06", "Pembuatan Usulan Permohonan Cuti Tahunan", false, SEK),
            new Entry("UMM-07", "Pembuatan Usulan Izin Belajar", false, SEK),
            new Entry("UMM-08", "Pembuatan Usulan Kenaikan Gaji Berkala", false, SEK),
            new Entry("UMM-09", "Pembuatan Usulan Kenaikan Pangkat", false, SEK),
            new Entry("UMM-11", "Penyusunan Penilaian dan Evaluasi Kinerja Aparatur (PEKA)", false, SEK),
            new Entry("UMM-12", "Pembuatan Usulan Tabungan Pensiun (TASPEN)", false, SEK),
            new Entry("UMM-13", "Pembuatan Usulan Kartu Pegawai", false, SEK),
            new Entry("UMM-14", "Pembuatan Usulan Pengadaan Barang Daerah", false, SEK),
            new Entry("UMM-15", "Pembuatan Usulan Pengajuan Masa Persiapan Pensiun (MPP)", false, SEK),
            new Entry("UMM-16", "Pembuatan Usulan Pensiun", false, SEK),
            new Entry("UMM-17", "Pembuatan Usulan Penyesuaian Ijazah", false, SEK),
            new Entry("UMM-18", "Pembuatan Surat Rekomendasi", false, SEK),
            new Entry("UMM-19", "Pembuatan Kontrak Kerja Sasaran Kinerja Pegawai (SKP)", false, SEK),
            new Entry("UMM-20", "Pembuatan Penilaian Sasaran Kinerja Pegawai (SKP)", false, SEK),
            new Entry("KOP-01", "Pembinaan Penyusunan Anggaran Dasar Koperasi", true, KEL),
            new Entry("KOP-02", "Pendirian Koperasi", true, KEL),
            new Entry("KOP-03", "Penggabungan Koperasi", true, KEL),
            new Entry("KOP-04", "Pembinaan Perubahan Anggaran Dasar Koperasi", true, KEL),
            new Entry("KOP-05", "Bimbingan dan Pembinaan Koperasi", true, PKO),
            new Entry("UKM-01", "Perencanaan Fasilitasi Mutu Desain Kemasan Produk UKM", true, UKM),
            new Entry("UKM-02", "Perencanaan Pembinaan dan Pengembangan Distribusi dan Kemitraan UKM", true, UKM),
            new Entry("UKM-03", "Perencanaan Pengawasan Pembinaan dan Pengembangan Distribusi dan Kemitraan UKM", true, UKM),
            new Entry("UKM-04", "Fasilitasi Sertifikasi Produksi Pangan Industri Rumah Tangga (P-IRT)", true, UKM),
            new Entry("UKM-05", "Bimbingan dan Penyuluhan Sarana dan Prasarana UKM", true, UKM),
            new Entry("UKM-06", "Fasilitasi Penyelesaian Masalah dan Validasi Data UMKM", true, UKM));

    private SeedManifest() {
    }
}

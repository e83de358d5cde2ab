// Labels in Bahasa Indonesia and times in WIB (Asia/Jakarta), whatever the browser's own zone.

const WIB = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export const OUTCOME = {
  DITERBITKAN: 'Diterbitkan',
  DITOLAK: 'Ditolak',
  DIBATALKAN: 'Dibatalkan',
  KEDALUWARSA: 'Kedaluwarsa',
  BERJALAN: 'Berjalan',
  DIHENTIKAN: 'Dihentikan',
};

export const VERDICT = {
  DALAM_WAKTU: 'Dalam waktu baku',
  MELEBIHI: 'Melebihi waktu baku',
  BERJALAN: 'Masih berjalan',
  TIDAK_SELESAI: 'Tidak diselesaikan',
};

export const AMS_RESULT = {
  BERHASIL: 'Berhasil',
  DITOLAK_AMS: 'Ditolak AMS',
  GAGAL: 'Gagal',
  BERJALAN: 'Berjalan',
};

export const INCIDENT_STATE = {
  TERBUKA: 'Terbuka',
  DISELESAIKAN: 'Diselesaikan',
  DIHAPUS: 'Dihapus',
};

export const DECISION = {
  APPROVE: 'Disetujui',
  REJECT: 'Ditolak',
};

const OPERATION = {
  Create: 'Membuka permohonan',
  Claim: 'Mengklaim tugas',
  Unclaim: 'Melepas klaim tugas',
  Assign: 'Menugaskan',
  Delegate: 'Mendelegasikan tugas',
  Complete: 'Menyelesaikan tugas',
  SetJobRetries: 'Menjalankan ulang (retry)',
  SetExternalTaskRetries: 'Menjalankan ulang (retry)',
  Delete: 'Menghapus',
  Suspend: 'Menangguhkan',
  Activate: 'Mengaktifkan kembali',
  ModifyVariable: 'Mengubah variabel',
  SetVariable: 'Mengisi variabel',
  RemoveVariable: 'Menghapus variabel',
  Resolve: 'Menyelesaikan insiden',
  SetAnnotation: 'Memberi catatan',
};

const PROPERTY = {
  assignee: 'penerima tugas',
  owner: 'pemilik',
  retries: 'sisa percobaan',
};

export function time(iso) {
  return iso ? `${WIB.format(new Date(iso))} WIB` : '–';
}

/** "1 jam 5 menit", "7 menit", "2 menit 30 detik", "45 detik". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return '–';
  }
  const parts = [];
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (days) parts.push(`${days} hari`);
  if (hours) parts.push(`${hours} jam`);
  if (minutes) parts.push(`${minutes} menit`);
  if (rest && !days && !hours) parts.push(`${rest} detik`);
  return parts.length ? parts.slice(0, 2).join(' ') : '0 detik';
}

export function percent(share) {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(0)}%`;
}

export function operation(type) {
  return OPERATION[type] || type;
}

export function change(item) {
  return `${PROPERTY[item.property] || item.property}: ${item.from ?? '–'} → ${item.to ?? '–'}`;
}

/** "Ani Lestari (ani)": the name given in step 1 and the user who opened the request, as far as known. */
export function applicant(row) {
  if (row.applicantName && row.applicant) {
    return `${row.applicantName} (${row.applicant})`;
  }
  return row.applicantName || row.applicant || '–';
}
